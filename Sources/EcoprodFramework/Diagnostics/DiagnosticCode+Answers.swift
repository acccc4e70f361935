/// Codes for answer sets and scoring (`A…`).
extension DiagnosticCode {
    /// The answer set is not valid JSON.
    public static let answersSyntax = DiagnosticCode("A101")
    /// A member is missing or has the wrong type.
    public static let answersStructure = DiagnosticCode("A102")
    /// An unknown status.
    public static let answersStatus = DiagnosticCode("A103")
    /// An answer for a criterion the bundle does not have.
    public static let answersUnknownCriterion = DiagnosticCode("A104")
    /// A production type the framework does not declare.
    public static let answersUnknownType = DiagnosticCode("A105")
    /// A scheme the framework does not declare.
    public static let answersUnknownScheme = DiagnosticCode("A106")
    /// The answers were written for another version or bundle.
    public static let answersVersionMismatch = DiagnosticCode("A107")
    /// A criterion answered not-applicable that the policy does not allow to be.
    public static let answersNotApplicableRefused = DiagnosticCode("A108")
    /// No bundle for the answers' version among the releases.
    public static let answersBundleNotFound = DiagnosticCode("A109")
    /// Migration cannot go where it was asked.
    public static let migrationRefused = DiagnosticCode("A110")
}
