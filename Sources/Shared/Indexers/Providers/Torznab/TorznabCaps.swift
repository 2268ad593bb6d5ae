import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a Torznab indexer can do (`t=caps`): which search functions are available with which
/// parameters, and its categories.
public struct TorznabCaps: Sendable, Equatable {
    /// "search", "tv-search", "movie-search", "music-search", "audio-search" → supported parameters.
    public var searchModes: [String: Set<String>] = [:]
    public var categories: [Int: String] = [:]

    public func supports(_ mode: String) -> Bool { searchModes[mode] != nil }
    public func supports(_ mode: String, param: String) -> Bool { searchModes[mode]?.contains(param) ?? false }

    /// The music function: newer indexers call it music-search, older ones audio-search.
    public var musicMode: String? { supports("music-search") ? "music-search" : supports("audio-search") ? "audio-search" : nil }

    public static func parse(_ data: Data, indexer: String) throws -> TorznabCaps {
        let delegate = CapsDelegate()
        try XMLReading.run(data, with: delegate, site: indexer)
        guard delegate.sawCaps else { throw ProviderError.unexpectedPage(site: indexer, detail: "no <caps> element in the capabilities answer") }
        return delegate.caps
    }
}

final class CapsDelegate: NSObject, ReportingXMLDelegate {
    var caps = TorznabCaps()
    var error: ProviderError?
    var sawCaps = false
    var failure: XMLParseFailure?
    var answerError: ProviderError? { error }
    private var inSearching = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil, error == nil { failure = XMLParseFailure(parseError, parser: parser) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "caps": sawCaps = true
        case "searching": inSearching = true
        case "error":
            let code = Int(attributes["code"] ?? "") ?? 900
            error = .torznab(code: code, message: TorznabErrors.message(code: code, description: attributes["description"]))
            parser.abortParsing()
        case "category", "subcat":
            if let id = Int(attributes["id"] ?? "") { caps.categories[id] = attributes["name"] ?? "" }
        default:
            guard inSearching, attributes["available"]?.lowercased() == "yes" else { return }
            let params = (attributes["supportedParams"] ?? "q").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            caps.searchModes[name] = Set(params)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "searching" { inSearching = false }
    }
}
