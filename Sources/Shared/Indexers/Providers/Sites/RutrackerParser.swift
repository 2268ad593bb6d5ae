import Foundation
import Releases

/// Rutracker's HTML (windows-1251, declared in the page): the tracker.php search table, a topic
/// page's magnet link, and the login form it shows when the session is missing or expired.
public enum RutrackerParser {
    public static func parseSearch(_ data: Data, indexer: String, baseURL: URL) throws -> [ReleaseCandidate] {
        let doc = try document(data, indexer: indexer)
        let rows = doc.nodes("//table[@id='tor-tbl']/tbody/tr")
        if rows.isEmpty {
            throw ProviderError.unexpectedPage(site: indexer, detail: "no results table (#tor-tbl) on the search page")
        }
        return rows.compactMap { row in
            guard let link = row.first(".//a[contains(@class,'tLink')]"), let href = link.attribute("href") else { return nil }
            let sizeCell = row.first(".//td[contains(@class,'tor-size')]")
            let size = sizeCell?.attribute("data-ts_text").flatMap { Int64($0) } ?? sizeCell.flatMap { SizeText.bytes($0.text) }
            let seeders = row.first(".//*[contains(@class,'seedmed')]")?.text
            let leechers = row.first(".//td[contains(@class,'leechmed')]")?.text
            return ReleaseCandidate(
                title: link.text, indexer: indexer, detailsURL: URL(string: href, relativeTo: forumURL(baseURL))?.absoluteString,
                sizeBytes: size, seeders: seeders.flatMap { Int($0) }, leechers: leechers.flatMap { Int($0) }, categories: [])
        }
    }

    /// The magnet on a topic page (viewtopic.php?t=…).
    public static func parseTopic(_ data: Data, indexer: String) throws -> String {
        let doc = try document(data, indexer: indexer)
        guard let magnet = doc.nodes("//a[contains(@class,'magnet-link') or starts-with(@href,'magnet:?')]").first?.attribute("href") else {
            throw ProviderError.unexpectedPage(site: indexer, detail: "the topic page has no magnet link")
        }
        return magnet
    }

    /// Search and topic pages live under /forum/.
    static func forumURL(_ base: URL) -> URL {
        base.path.hasSuffix("/forum/") ? base : base.appendingPathComponent("forum/")
    }

    private static func document(_ data: Data, indexer: String) throws -> HTMLDocument {
        if let vendor = PageInspector.challengeVendor(data) { throw ProviderError.challengePage(site: indexer, vendor: vendor) }
        if PageInspector.isLoginForm(data) {
            throw ProviderError.loginRequired(site: indexer, detail: "the site shows its login form; check the indexer's username and password")
        }
        guard let doc = HTMLDocument(data: data) else {
            throw ProviderError.unexpectedPage(site: indexer, detail: "an empty answer instead of a page")
        }
        return doc
    }
}
