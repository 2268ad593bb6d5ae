import Foundation

/// Why a release will not be grabbed: a stable code for programs and a sentence for people.
public struct Rejection: Codable, Sendable, Equatable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        case overQualityLimit = "over_quality_limit"
        case wrongTitle = "wrong_title"
        case wrongYear = "wrong_year"
        case wrongSeason = "wrong_season"
        case wrongEpisode = "wrong_episode"
        case camera = "camera_copy"
        case unwantedVariant = "unwanted_variant"
        case tooFewSeeders = "too_few_seeders"
        case implausibleSize = "implausible_size"
        case blocklisted
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A candidate after ranking: the parse, the score with the reasons that made it, and any
/// rejections. Rejected releases are kept (flagged) so the user can see why they lost.
public struct RankedRelease: Codable, Sendable {
    public let candidate: ReleaseCandidate
    public let parsed: ParsedRelease
    public let score: Int
    public let reasons: [String]
    public let rejections: [Rejection]
    public var rejected: Bool { !rejections.isEmpty }

    enum CodingKeys: String, CodingKey { case candidate, parsed, score, reasons, rejections, rejected }

    public init(candidate: ReleaseCandidate, parsed: ParsedRelease, score: Int, reasons: [String], rejections: [Rejection]) {
        self.candidate = candidate
        self.parsed = parsed
        self.score = score
        self.reasons = reasons
        self.rejections = rejections
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        candidate = try c.decode(ReleaseCandidate.self, forKey: .candidate)
        parsed = try c.decode(ParsedRelease.self, forKey: .parsed)
        score = try c.decode(Int.self, forKey: .score)
        reasons = try c.decode([String].self, forKey: .reasons)
        rejections = try c.decode([Rejection].self, forKey: .rejections)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(candidate, forKey: .candidate)
        try c.encode(parsed, forKey: .parsed)
        try c.encode(score, forKey: .score)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(rejections, forKey: .rejections)
        try c.encode(rejected, forKey: .rejected)
    }
}
