import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Core
import Releases

/// Reads Torznab search results and plain RSS feeds into candidates (pure: Data in, candidates or
/// a clear error out). Torznab attributes (seeders, peers, infohash, magneturl, size, category)
/// win over the RSS fields; without a magnet, one is built from the info hash with `trackers`.
public enum FeedParser {
    public static func parse(_ data: Data, indexer: String, trackers: [String] = []) throws -> [ReleaseCandidate] {
        let delegate = FeedDelegate()
        try XMLReading.run(data, with: delegate, site: indexer)
        guard delegate.sawFeed else {
            throw ProviderError.unexpectedPage(site: indexer, detail: "the answer is XML but not an RSS/Torznab feed (root <\(delegate.root ?? "?")>)")
        }
        return delegate.items.compactMap { $0.candidate(indexer: indexer, trackers: trackers) }
    }
}

/// One <item> as read.
struct FeedItem {
    var title = ""
    var link: String?
    var guid: String?
    var comments: String?
    var pubDate: String?
    var size: Int64?
    var enclosureURL: String?
    var enclosureType: String?
    var enclosureLength: Int64?
    var attributes: [String: String] = [:]
    var categories: [Int] = []

    func candidate(indexer: String, trackers: [String]) -> ReleaseCandidate? {
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return nil }
        let links = [attributes["magneturl"], link, enclosureURL, guid].compactMap { $0 }
        var magnet = links.first { $0.lowercased().hasPrefix("magnet:") }
        let hash = attributes["infohash"].flatMap(Magnet.normalizeHash) ?? magnet.flatMap(Magnet.infoHash)
        let torrentURL = [enclosureURL, link].compactMap { $0 }.first { $0.lowercased().hasPrefix("http") }
        // A hash magnet gets the configured public trackers; an item with its own .torrent (a private
        // tracker's) keeps that instead, and the grab falls back to the hash only if the link fails.
        if magnet == nil, torrentURL == nil, let hash { magnet = Magnet.build(infoHash: hash, name: title, trackers: trackers) }
        let seeders = attributes["seeders"].flatMap { Int($0) }
        let peers = attributes["peers"].flatMap { Int($0) }
        let leechers = attributes["leechers"].flatMap { Int($0) } ?? peers.map { max(0, $0 - (seeders ?? 0)) }
        var categories = self.categories
        if let c = attributes["category"].flatMap({ Int($0) }), !categories.contains(c) { categories.append(c) }
        return ReleaseCandidate(
            title: title, indexer: indexer, magnet: magnet, downloadURL: torrentURL,
            detailsURL: comments ?? guid.flatMap { $0.hasPrefix("http") ? $0 : nil }, infoHash: hash,
            sizeBytes: attributes["size"].flatMap { Int64($0) } ?? size ?? enclosureLength,
            seeders: seeders, leechers: leechers, uploadedAt: pubDate.flatMap(RSSDate.iso8601), categories: categories)
    }
}

/// SAX delegate: collects items, the torznab attributes, and an <error> answer.
final class FeedDelegate: NSObject, ReportingXMLDelegate {
    var items: [FeedItem] = []
    var torznabError: ProviderError?
    var root: String?
    var sawFeed = false
    var failure: XMLParseFailure?
    var answerError: ProviderError? { torznabError }
    private var current: FeedItem?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        text = ""
        switch name {
        case "rss", "channel", "feed": sawFeed = true
        case "error":
            let code = Int(attributes["code"] ?? "") ?? 900
            torznabError = .torznab(code: code, message: TorznabErrors.message(code: code, description: attributes["description"]))
            parser.abortParsing()
        case "item": current = FeedItem()
        case "enclosure":
            current?.enclosureURL = attributes["url"]
            current?.enclosureType = attributes["type"]
            current?.enclosureLength = attributes["length"].flatMap { Int64($0) }
        case "torznab:attr", "attr", "newznab:attr":
            if let key = attributes["name"]?.lowercased(), let value = attributes["value"] {
                if key == "category", let c = Int(value) { if current?.categories.contains(c) == false { current?.categories.append(c) } }
                else { current?.attributes[key] = value }
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil, torznabError == nil { failure = XMLParseFailure(parseError, parser: parser) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard current != nil else { return }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "title": current?.title = value
        case "link": current?.link = value
        case "guid": current?.guid = value
        case "comments": current?.comments = value
        case "pubDate": current?.pubDate = value
        case "size": current?.size = Int64(value)
        case "category": if let c = Int(value), current?.categories.contains(c) == false { current?.categories.append(c) }
        case "item": if let item = current { items.append(item) }; current = nil
        default: break
        }
        text = ""
    }
}

/// RSS dates are RFC 822 ("Tue, 05 Oct 2021 12:00:00 +0000"); the API speaks ISO 8601.
enum RSSDate {
    static func iso8601(_ text: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm Z"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return SQLiteTime.iso8601(date) }
        }
        return nil
    }
}
