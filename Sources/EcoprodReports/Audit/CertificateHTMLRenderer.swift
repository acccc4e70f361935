import EcoprodFramework

/// The certificate as one A4 page, in every locale of its framework: the production, the stars,
/// the audited score, the framework version and digest, the validity, and how anyone checks
/// that the certificate is genuine.
///
/// The page shows what the signed JSON says; it proves nothing by itself, which is why it
/// ends with the command that does.
public struct CertificateHTMLRenderer: Sendable {
    /// The one locale to show; nil shows every locale of the framework, with a switch.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// The page; `framework` (the release the certificate names, when found) gives the titles
    /// and the locales.
    public func render(_ certificate: Certificate, framework: Framework?, file: String) -> String {
        document(certificate, framework: framework, file: file).markup
    }

    func document(_ certificate: Certificate, framework: Framework?, file path: String) -> HTMLDocument {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let page = HTMLPage(locale: locale, available: framework?.identity.locales ?? ["fr", "en"])
        let type = framework?.productionTypes.first { $0.id == certificate.production.type }
        let scheme = framework?.scoring.schemes.first { $0.id == certificate.production.scheme }
        let maximum = scheme?.levels.map(\.stars).max() ?? certificate.audited.stars
        let stars =
            String(repeating: "★", count: certificate.audited.stars)
            + String(repeating: "☆", count: max(0, maximum - certificate.audited.stars))
        return page.document(title: "\(Self.title[page.primaryLocale]) — \(certificate.production.title)") {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(Self.title) }
                "\n"
                element(.h1) { certificate.production.title }
                "\n"
                element(
                    .p, .class("stars"), HTMLAttribute("aria-label", "\(certificate.audited.stars) ★")
                ) { stars }
                "\n"
            }
            "\n"
            element(.main) {
                "\n"
                element(.dl, .class("facts")) {
                    "\n"
                    fact(page, .productionType) {
                        if let type { page.localized(type.title) } else { certificate.production.type }
                    }
                    fact(page, .scheme) {
                        if let scheme { page.localized(scheme.title) } else { certificate.production.scheme }
                    }
                    fact(page, Self.auditedScore) {
                        "\(certificate.audited.percent) % (\(certificate.audited.points)/\(certificate.audited.applicablePoints) points)"
                    }
                    fact(page, Self.refutedClaims) {
                        certificate.refuted.isEmpty ? "—" : certificate.refuted.joined(separator: ", ")
                    }
                    fact(page, .referenceFramework) {
                        if let framework { page.localized(framework.identity.title) } else { certificate.framework.id }
                        " \(certificate.framework.version)"
                    }
                    fact(page, .digest) { element(.code) { certificate.framework.digest } }
                    fact(page, Self.issuedOn) { certificate.issuedOn }
                    fact(page, Self.validUntil) { certificate.validUntil ?? "—" }
                    fact(page, Self.statement) { element(.code) { "sha256:" + certificate.statementDigest } }
                }
                "\n"
                element(.section, .labelledBy("verify")) {
                    "\n"
                    element(.h2, .id("verify")) { page.label(Self.howToVerify) }
                    "\n"
                    element(.p) { page.label(Self.verifyExplanation) }
                    "\n"
                    element(.pre) {
                        element(.code) {
                            "ecoprod verify-certificate \(file) --allowed-signers allowed_signers\n"
                                + "ssh-keygen -Y verify -n ecoprod-certificate -f allowed_signers -I LABEL -s \(file).sig < \(file)"
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
    }

    private func fact(_ page: HTMLPage, _ label: ReportLabel, @HTMLBuilder _ value: () -> [HTMLNode]) -> HTMLNode {
        group {
            element(.dt) { page.label(label) }
            HTMLNode.element(.dd, [], value())
            "\n"
        }
    }

    static let title = ReportLabel("Certificat Label Ecoprod", "Ecoprod Label certificate")
    static let auditedScore = ReportLabel("Score audité", "Audited score")
    static let refutedClaims = ReportLabel("Critères réfutés à l'audit", "Claims refuted by the audit")
    static let issuedOn = ReportLabel("Délivré le", "Issued on")
    static let validUntil = ReportLabel("Valable jusqu'au", "Valid until")
    static let statement = ReportLabel("Déclaration de score", "Score statement")
    static let howToVerify = ReportLabel("Vérifier ce certificat", "Verify this certificate")
    static let verifyExplanation = ReportLabel(
        "Cette page ne prouve rien à elle seule : le fichier JSON du certificat est signé par le label. Vérifiez sa signature avec la liste des signataires du label :",
        "This page proves nothing by itself: the certificate's JSON file is signed by the label. Check its signature against the label's list of signers:"
    )
}
