import EcoprodFramework

/// The one language of an output, as `--locale` names it.
public enum OutputLocale {
    /// Refuses `locale` when the framework does not declare it: a usage error (exit 64), since
    /// the framework's locales are known before anything is read.
    public static func check(_ locale: String?, in framework: Framework) throws(UseCaseFailure) {
        if let locale, !framework.identity.locales.contains(locale) {
            let declared = framework.identity.locales.joined(separator: ", ")
            throw .usage("locale '\(locale)' is not one of the framework's locales: \(declared)")
        }
    }
}
