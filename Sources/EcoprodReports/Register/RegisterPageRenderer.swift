import EcoprodFramework
import Foundation

/// The register's public page: every certified production with its current status, stars,
/// framework version and dates, each row linking to its certificate and its proof, in every
/// locale. A status filter of radio buttons works by CSS alone; a text filter is added by the
/// script. The page is generated from a verified register; it is a view, the checkpoint and the
/// proofs are what prove.
public struct RegisterPageRenderer: Sendable {
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// One certificate's row: its entries folded into a current state.
    struct Row {
        var certificate: String
        var production: Production
        var stars: Int
        var framework: String
        var issuedOn: String
        var status: Status
        var lastEvent: RegisterEntry
        var lastIndex: Int
    }

    enum Status: String, CaseIterable {
        case certified, suspended, withdrawn

        init(_ event: RegisterEntry.Event) {
            switch event {
            case .issued, .reinstated: self = .certified
            case .suspended: self = .suspended
            case .withdrawn: self = .withdrawn
            }
        }

        var label: ReportLabel {
            switch self {
            case .certified: return ReportLabel("Certifiée", "Certified")
            case .suspended: return ReportLabel("Suspendue", "Suspended")
            case .withdrawn: return ReportLabel("Retirée", "Withdrawn")
            }
        }
    }

    /// The rows, in the order certificates entered the register.
    static func rows(_ entries: [RegisterEntry]) -> [Row] {
        var rows: [Row] = []
        var position: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            if let at = position[entry.certificate] {
                rows[at].status = Status(entry.event)
                rows[at].lastEvent = entry
                rows[at].lastIndex = index
            } else {
                position[entry.certificate] = rows.count
                rows.append(
                    Row(
                        certificate: entry.certificate, production: entry.production, stars: entry.stars,
                        framework: "\(entry.framework.id) \(entry.framework.version)", issuedOn: entry.date,
                        status: Status(entry.event), lastEvent: entry, lastIndex: index))
            }
        }
        return rows
    }

    public func render(origin: String, size: Int, root: String, entries: [RegisterEntry]) -> String {
        let page = HTMLPage(locale: locale, available: ["fr", "en"])
        let rows = Self.rows(entries)
        return page.document(title: "\(Self.title[page.primaryLocale]) — \(origin)", script: Self.filterScript) {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(Self.title) }
                "\n"
                element(.h1) { origin }
                "\n"
                element(.p) {
                    page.label(Self.checkpointLabel)
                    " \(size) · "
                    element(.code) { root }
                }
                "\n"
            }
            "\n"
            element(.main, .class("register")) {
                "\n"
                for status in [nil] + Status.allCases.map(Optional.some) {
                    let id = "status-\(status?.rawValue ?? "all")"
                    HTMLNode.empty(
                        .input,
                        [HTMLAttribute("type", "radio"), HTMLAttribute("name", "status"), .id(id)]
                            + (status == nil ? [.checked] : []))
                    element(.label, HTMLAttribute("for", id)) { page.label(status?.label ?? .all) }
                    "\n"
                }
                element(.p, .class("text-filter"), .hidden) {
                    element(.label, HTMLAttribute("for", "search")) { page.label(.filter) }
                    " "
                    empty(.input, HTMLAttribute("type", "search"), .id("search"))
                }
                "\n"
                table(rows, page)
                "\n"
                element(.p) { page.label(Self.howToCheck) }
                "\n"
            }
            "\n"
        }.markup
    }

    private func table(_ rows: [Row], _ page: HTMLPage) -> HTMLNode {
        element(.table, .id("register")) {
            "\n"
            element(.thead) {
                element(.tr) {
                    for label in [
                        ReportLabel.production, .productionType, .scheme, .stars, .referenceFramework, Self.issuedOn,
                        .status, Self.lastEvent, Self.proof,
                    ] {
                        element(.th, .colHeader) { page.label(label) }
                    }
                }
            }
            "\n"
            element(.tbody) {
                "\n"
                for row in rows {
                    element(.tr, HTMLAttribute("data-status", row.status.rawValue)) {
                        element(.th, .rowHeader) {
                            element(.a, HTMLAttribute("href", "certificates/\(row.certificate).json")) {
                                row.production.title
                            }
                        }
                        element(.td) { row.production.type }
                        element(.td) { row.production.scheme }
                        element(.td, .class("stars"), HTMLAttribute("aria-label", "\(row.stars) ★")) {
                            String(repeating: "★", count: row.stars)
                        }
                        element(.td) { row.framework }
                        element(.td) { row.issuedOn }
                        element(.td) { page.label(row.status.label) }
                        element(.td) {
                            "\(row.lastEvent.event.rawValue) \(row.lastEvent.date)"
                            if let reason = row.lastEvent.reason { " — \(reason)" }
                        }
                        element(.td) {
                            element(.a, HTMLAttribute("href", "proofs/\(row.lastIndex).tlog-proof")) {
                                "#\(row.lastIndex)"
                            }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    static let title = ReportLabel("Registre public du Label Ecoprod", "Ecoprod Label public register")
    static let checkpointLabel = ReportLabel("Point de contrôle signé : entrées", "Signed checkpoint: entries")
    static let issuedOn = ReportLabel("Certifiée le", "Certified on")
    static let lastEvent = ReportLabel("Dernier événement", "Last event")
    static let proof = ReportLabel("Preuve", "Proof")
    static let howToCheck = ReportLabel(
        "Chaque ligne renvoie au certificat signé et à sa preuve d'inclusion : « ecoprod register check-proof CERTIFICAT PREUVE --verifier-key CLÉ » le vérifie hors ligne ; « ecoprod register verify » recalcule tout le registre.",
        "Each row links to the signed certificate and its inclusion proof: 'ecoprod register check-proof CERTIFICATE PROOF --verifier-key KEY' checks it offline; 'ecoprod register verify' recomputes the whole register."
    )

    /// Shows the text filter and hides the rows whose text does not hold it.
    static let filterScript = InlineCode(
        trusted: """
            (function () {
              var box = document.querySelector('.text-filter');
              if (!box) return;
              box.hidden = false;
              var input = document.getElementById('search');
              input.addEventListener('input', function () {
                var wanted = input.value.toLowerCase();
                document.querySelectorAll('#register tbody tr').forEach(function (row) {
                  row.hidden = wanted !== '' && row.textContent.toLowerCase().indexOf(wanted) < 0;
                });
              });
            })();

            """)
}
