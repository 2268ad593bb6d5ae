import Foundation
import Releases

/// 1337x's HTML: the search page's results table (name, seeders, leechers, size, link to the
/// torrent's page) and a torrent page's magnet link. A page without the results table is either
/// "no results" (the site says so) or not a page we can read — never silently empty.
public enum X1337Parser {
    public static func parseSearch(_ data: Data, indexer: String, baseURL: URL) throws -> [ReleaseCandidate] {
        guard let doc = try document(data, indexer: indexer) else { return [] }
        let rows = doc.nodes("//table[contains(@class,'table-list')]/tbody/tr")
        if rows.isEmpty {
            if isEmptyResult(doc) { return [] }
            throw ProviderError.unexpectedPage(site: indexer, detail: "no results table on the search page (the layout may have changed)")
        }
        return rows.compactMap { row in
            guard let link = row.first(".//td[contains(@class,'name')]/a[contains(@href,'/torrent/')]"),
                  let href = link.attribute("href") else { return nil }
            let title = link.text
            guard !title.isEmpty else { return nil }
            // The size cell repeats the seeders in a hidden <span>; only its first text node is the size.
            let sizeText = row.first(".//td[contains(@class,'size')]/text()")?.text ?? ""
            return ReleaseCandidate(
                title: title, indexer: indexer, detailsURL: URL(string: href, relativeTo: baseURL)?.absoluteString,
                sizeBytes: SizeText.bytes(sizeText), seeders: Int(row.first(".//td[contains(@class,'seeds')]")?.text ?? ""),
                leechers: Int(row.first(".//td[contains(@class,'leeches')]")?.text ?? ""))
        }
    }

    /// The magnet on a torrent's page.
    public static func parseDetail(_ data: Data, indexer: String) throws -> String {
        guard let doc = try document(data, indexer: indexer),
              let magnet = doc.nodes("//a[starts-with(@href,'magnet:?')]").first?.attribute("href") else {
            throw ProviderError.unexpectedPage(site: indexer, detail: "the torrent page has no magnet link")
        }
        return magnet
    }

    private static func document(_ data: Data, indexer: String) throws -> HTMLDocument? {
        if let vendor = PageInspector.challengeVendor(data) { throw ProviderError.challengePage(site: indexer, vendor: vendor) }
        guard let doc = HTMLDocument(data: data) else {
            throw ProviderError.unexpectedPage(site: indexer, detail: "an empty answer instead of a page")
        }
        return doc
    }

    /// 1337x answers a search with no hits with a "No results were returned" box.
    private static func isEmptyResult(_ doc: HTMLDocument) -> Bool {
        let box = doc.nodes("//div[contains(@class,'box-info-detail') or contains(@class,'search-page')]").map(\.text).joined(separator: " ")
        return box.localizedCaseInsensitiveContains("no results were returned")
    }
}
