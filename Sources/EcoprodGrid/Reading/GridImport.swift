import EcoprodFramework

/// A grid read back: the answer set, the bundle it was written from, and the cell each value
/// came from, so that the scorer and the migrator report problems at cells.
public struct GridImport: Sendable {
    public var answers: AnswerSet
    public var bundle: FrameworkBundle
    /// The grid's locale, as its identity sheet records it: a migrated grid keeps it.
    public var locale: String
    let places: GridPlaces

    /// The place of the value at a JSON path of the answers (`$.answers.A1.status` is the
    /// status cell of A1's row); the nearest enclosing value's place when that one has none.
    public func locate(_ path: String) -> SourceLocation {
        places.locate(path)
    }
}

/// JSON paths of an imported answer set, mapped to the cells their values came from.
struct GridPlaces: Sendable {
    let file: String
    /// Where each answer path is: a sheet and a cell, made a location only when asked for (a
    /// location's text, `Grille!L14`, cost more than the rest of recording an answer).
    private var places: [String: (sheet: String, reference: CellReference)] = [:]

    init(file: String) {
        self.file = file
    }

    /// The location of a cell on a sheet.
    func cell(_ sheet: String, _ reference: CellReference) -> SourceLocation {
        SourceLocation(file: file, line: reference.row, column: reference.column, cell: "\(sheet)!\(reference)")
    }

    mutating func add(_ path: String, _ sheet: String, _ reference: CellReference) {
        places[path] = (sheet, reference)
    }

    func locate(_ path: String) -> SourceLocation {
        var current = Substring(path)
        while true {
            if let place = places[String(current)] { return cell(place.sheet, place.reference) }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return .file(file) }
            current = current[..<cut]
        }
    }
}
