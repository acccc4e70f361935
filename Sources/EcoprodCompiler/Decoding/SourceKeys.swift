/// The keys the sources' schema knows, in the order a file writes them: what an editor
/// completes.
public enum SourceKeys {
    /// The keys of `framework.yaml`, required then optional.
    public static var framework: [String] { SourceDecoder.frameworkKeys + SourceDecoder.optionalFrameworkKeys }
    /// The keys of a criterion, required then optional.
    public static var criterion: [String] { SourceDecoder.criterionKeys + SourceDecoder.optionalCriterionKeys }
}
