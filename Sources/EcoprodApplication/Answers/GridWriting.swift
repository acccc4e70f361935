import EcoprodFramework
import EcoprodGrid

/// The grid's workbook, written in memory; a failure of the zip writer is a diagnostic.
enum GridWriting {
    static func bytes(_ bundle: FrameworkBundle, locale: String, fill: GridWriter.Fill?) throws(UseCaseFailure)
        -> [UInt8]
    {
        do {
            return try GridWriter(locale: locale).write(bundle, fill: fill)
        } catch {
            throw .input(.gridNotWritten("\(error)"))
        }
    }
}

extension Diagnostic {
    static func gridNotWritten(_ reason: String) -> Diagnostic {
        Diagnostic(.error, .writeFailed, "cannot write the workbook: \(reason)", at: .file("<grid>"))
    }
}
