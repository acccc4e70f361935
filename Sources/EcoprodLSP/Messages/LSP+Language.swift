extension LSP {
    public struct Diagnostic: Codable, Hashable, Sendable {
        public struct RelatedInformation: Codable, Hashable, Sendable {
            public var location: Location
            public var message: String

            public init(location: Location, message: String) {
                self.location = location
                self.message = message
            }
        }

        public struct CodeDescription: Codable, Hashable, Sendable {
            public var href: String

            public init(href: String) {
                self.href = href
            }
        }

        public var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        public var severity: Int
        public var code: String
        public var source: String
        public var message: String
        public var relatedInformation: [RelatedInformation]?
        public var codeDescription: CodeDescription?

        public init(
            range: Range, severity: Int, code: String, source: String, message: String,
            relatedInformation: [RelatedInformation]?,
            codeDescription: CodeDescription?
        ) {
            self.range = range
            self.severity = severity
            self.code = code
            self.source = source
            self.message = message
            self.relatedInformation = relatedInformation
            self.codeDescription = codeDescription
        }
    }

    public struct PublishDiagnosticsParams: Codable, Sendable {
        public var uri: String
        public var diagnostics: [Diagnostic]

        public init(uri: String, diagnostics: [Diagnostic]) {
            self.uri = uri
            self.diagnostics = diagnostics
        }
    }

    public struct MarkupContent: Codable, Hashable, Sendable {
        /// `plaintext` or `markdown`.
        public var kind: String
        public var value: String

        public init(kind: String, value: String) {
            self.kind = kind
            self.value = value
        }
    }

    public struct Hover: Codable, Sendable {
        public var contents: MarkupContent
        public var range: Range?

        public init(contents: MarkupContent, range: Range?) {
            self.contents = contents
            self.range = range
        }
    }

    public struct CompletionItem: Codable, Hashable, Sendable {
        public var label: String
        /// 10 property, 12 value.
        public var kind: Int
        public var insertText: String

        public init(label: String, kind: Int, insertText: String) {
            self.label = label
            self.kind = kind
            self.insertText = insertText
        }
    }

    public struct CodeAction: Codable, Sendable {
        public var title: String
        public var kind: String
        public var isPreferred: Bool
        public var diagnostics: [Diagnostic]
        public var edit: WorkspaceEdit

        public init(title: String, kind: String, isPreferred: Bool, diagnostics: [Diagnostic], edit: WorkspaceEdit) {
            self.title = title
            self.kind = kind
            self.isPreferred = isPreferred
            self.diagnostics = diagnostics
            self.edit = edit
        }
    }

    public struct DocumentSymbol: Codable, Sendable {
        public var name: String
        public var detail: String?
        /// 23: struct, for a criterion.
        public var kind: Int
        public var range: Range
        public var selectionRange: Range

        public init(name: String, detail: String?, kind: Int, range: Range, selectionRange: Range) {
            self.name = name
            self.detail = detail
            self.kind = kind
            self.range = range
            self.selectionRange = selectionRange
        }
    }

    public struct PrepareRenameResult: Codable, Sendable {
        public var range: Range
        public var placeholder: String

        public init(range: Range, placeholder: String) {
            self.range = range
            self.placeholder = placeholder
        }
    }
}
