import Foundation
import Core

/// Jargon written as one word that the word table cannot list: a source glued to its resolution
/// or codec ("Bluray1080p", "BD720p", "HDTVx264", "WEB-DLx264"), a resolution with a frame rate or
/// bit depth ("1080p24", "1080p10"), a frame size ("848x480"), a streaming service glued to HD
/// ("NetflixHD", "AmazonHD", "iTunesHD"). Pure byte checks, no regular expressions.
enum GluedAttributes {
    typealias Meaning = AttributeMatch.Meaning

    static func match(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        let count = w.utf8.count
        guard count >= 4, count <= 16, let first = w.utf8.first else { return nil }
        if isDigit(first) {
            guard w.utf8.contains(where: { $0 == 112 || $0 == 120 }) else { return nil }   // "p" or "x"
            return resolutionShape(Array(w.utf8), w, at: i) ?? rescaled(w, at: i)
        }
        // Every glued form below starts with one of these letters.
        guard first == 98 || first == 104 || first == 112 || first == 119 || first == 100 || first == 110 || first == 97
                || first == 105 || first == 109 || first == 115 else { return nil }
        if w.utf8.last == 100, let m = serviceHD(w, at: i) { return m }
        for (prefix, meaning) in sourcePrefixes where count > prefix.utf8.count && w.hasPrefix(prefix) {
            let rest = String(w.dropFirst(prefix.count))
            if let res = resolution(rest) { return AttributeMatch(index: i, length: 1, meaning: .both(meaning, res), strong: true) }
            if let (codec, _) = VideoAttributes.single[rest], case .codec = codec {
                return AttributeMatch(index: i, length: 1, meaning: .both(meaning, codec), strong: true)
            }
        }
        return nil
    }

    /// Sources seen glued to a resolution or codec; longest first.
    private static let sourcePrefixes: [(String, Meaning)] = [
        ("bluray", .source(.bluray, tag: "BluRay")), ("hdtv", .source(.hdtv, tag: "HDTV")), ("pdtv", .source(.hdtv, tag: "PDTV")),
        ("webdl", .source(.webdl, tag: "WEB-DL")), ("webrip", .source(.webrip, tag: "WEBRip")), ("dvdrip", .source(.dvd, tag: "DVDRip")),
        ("bdrip", .source(.bluray, tag: "BDRip")), ("brrip", .source(.bluray, tag: "BRRip")), ("bd", .source(.bluray, tag: "BD")),
        ("dl", .source(.webdl, tag: "WEB-DL")), ("web", .source(.webdl, tag: "WEB")),   // "WEB1080p", "WEBx264"
    ]

    /// "1080p24", "1080p10", "720p60": a resolution followed by a frame rate or bit depth;
    /// "848x480", "1280x528", "1280x720p": a frame size, classed by its width (or height, for narrow frames).
    private static func resolutionShape(_ b: [UInt8], _ w: String, at i: Int) -> AttributeMatch? {
        var k = 0
        while k < b.count, isDigit(b[k]) { k += 1 }
        guard k >= 3, k <= 4, k < b.count else { return nil }
        let n = Int(String(w.prefix(k)))!
        if b[k] == UInt8(ascii: "p"), k + 1 < b.count, b[(k + 1)...].allSatisfy(isDigit), b.count - k - 1 <= 3,
           let res = resolution(String(w.prefix(k + 1))) {
            return AttributeMatch(index: i, length: 1, meaning: res, strong: true)
        }
        // "1080p10bit", "720p8bit": a resolution glued to its bit depth.
        if b[k] == UInt8(ascii: "p"), w.hasSuffix("bit"), b.count - k <= 6, let res = resolution(String(w.prefix(k + 1))) {
            return AttributeMatch(index: i, length: 1, meaning: res, strong: true)
        }
        // "1280x720p": the frame size may keep the height's "p".
        let end = b.last == UInt8(ascii: "p") ? b.count - 1 : b.count
        if b[k] == UInt8(ascii: "x"), end - k - 1 >= 3, end - k - 1 <= 4, b[(k + 1)..<end].allSatisfy(isDigit) {
            let h = Int(String(w.dropFirst(k + 1).prefix(end - k - 1)))!
            guard let meaning = frameSize(width: n, height: h) else { return nil }
            return AttributeMatch(index: i, length: 1, meaning: meaning, strong: true)
        }
        return nil
    }

    /// A frame size as a resolution: the height when it is a standard one, else the class by width.
    static func frameSize(width: Int, height: Int) -> Meaning? {
        guard width >= 320, width <= 8192, height >= 200, height <= 4320, width > height else { return nil }
        let standard: [Int: VideoQuality] = [2160: .p2160, 1080: .p1080, 720: .p720, 576: .p480, 540: .p480, 480: .p480, 360: .p480]
        if let q = standard[height] { return .resolution(q, "\(height)p") }
        let q: VideoQuality = width >= 3200 ? .p2160 : width >= 1700 ? .p1080 : width >= 1200 ? .p720 : .p480
        return .resolution(q, q.rawValue)
    }

    /// "1080p", "720p", "2160p", "1080i", "1080", "4k" as a resolution meaning.
    /// "4Kto1080p", "2160pto1080p": an encode scaled down; the resolution is the one it was scaled to.
    private static func rescaled(_ w: String, at i: Int) -> AttributeMatch? {
        guard let to = w.range(of: "to"), resolution(String(w[..<to.lowerBound])) != nil || w.hasPrefix("4k"),
              let res = resolution(String(w[to.upperBound...])) else { return nil }
        return AttributeMatch(index: i, length: 1, meaning: res, strong: true)
    }

    static func resolution(_ w: String) -> Meaning? {
        if let (meaning, _) = VideoAttributes.single[w], case .resolution = meaning { return meaning }
        if ["480", "576", "720", "1080", "2160"].contains(w) { return VideoAttributes.single[w + "p"]?.0 }
        return nil
    }

    /// "NetflixHD", "NetflixUHD", "AmazonHD", "iTunesHD", "MaxdomeHD", "HBOMaxHD", "DisneyHD", "WebUHD":
    /// German scene names for a web download from that service.
    private static func serviceHD(_ w: String, at i: Int) -> AttributeMatch? {
        guard w.hasSuffix("hd") else { return nil }
        let base = w.hasSuffix("uhd") ? String(w.dropLast(3)) : String(w.dropLast(2))
        guard let service = services[base] else { return nil }
        let source: Meaning = .source(.webdl, tag: "WEB-DL")
        return AttributeMatch(index: i, length: 1, meaning: service.isEmpty ? source : .both(source, .service(service)), strong: true)
    }

    private static let services: [String: String] = ["netflix": "Netflix", "amazon": "Amazon", "itunes": "iTunes", "maxdome": "Maxdome",
                                                      "hbomax": "HBO Max", "disney": "Disney+", "sky": "Sky", "appletv": "Apple TV+", "web": ""]

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
