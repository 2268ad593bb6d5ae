/// The LCARS release, reported by the API and by lcarsd.
public enum LCARSVersion {
    public static let current = "0.1.0"
}
