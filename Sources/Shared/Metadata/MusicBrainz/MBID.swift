/// MusicBrainz identifiers are UUIDs; anything else is refused before a request goes out.
public enum MBID {
    public static func isValid(_ text: String) -> Bool {
        let hex = Set("0123456789abcdef")
        let groups = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(hex.contains) }
    }

    public static func require(_ text: String, field: String) throws -> String {
        guard isValid(text) else { throw MetadataError.invalidInput("\(field) must be a MusicBrainz ID (a UUID), found \"\(text)\"") }
        return text.lowercased()
    }
}
