import EcoprodFramework

extension GridImporter {
    /// The cells a production fills in that hold a formula, each an X113 at its cell: a formula's
    /// stored value may not be what the application shows once it recalculates, and one saved
    /// without a value would read as empty. True when there was none.
    static func refuseFormulas(
        in sheet: GridLayout.Sheet, named name: String, formulas: Set<CellReference>, places: GridPlaces,
        into diagnostics: inout DiagnosticCollector
    ) -> Bool {
        let filled = formulas.filter { reference in
            switch sheet {
            case .production:
                [GridLayout.ProductionCell.title, GridLayout.ProductionCell.type, GridLayout.ProductionCell.scheme]
                    .contains(reference)
            case .grid:
                reference.row > GridLayout.headerRow
                    && ([.id] + GridColumn.answers).map(\.rawValue).contains(reference.column)
            case .score, .identity:
                false
            }
        }
        for reference in filled.sorted() {
            diagnostics.emit(
                Diagnostic(
                    .gridFormula, "the cell holds a formula; a production's answers are typed values",
                    at: places.cell(name, reference), help: "type the value itself (copy, then paste values only)"))
        }
        return filled.isEmpty
    }
}
