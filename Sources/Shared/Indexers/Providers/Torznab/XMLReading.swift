import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX delegate that can report a Torznab <error> answer and the first XML error it saw.
protocol ReportingXMLDelegate: XMLParserDelegate {
    var answerError: ProviderError? { get }
    var failure: XMLParseFailure? { get }
}

/// Runs XMLParser over an answer: a challenge page, a Torznab error or malformed XML each become
/// their own clear error. External entities are never resolved.
enum XMLReading {
    static func run(_ data: Data, with delegate: some ReportingXMLDelegate, site: String) throws {
        if let vendor = PageInspector.challengeVendor(data) { throw ProviderError.challengePage(site: site, vendor: vendor) }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let error = delegate.answerError { throw error }
        if let failure = delegate.failure { throw failure.error(site: site) }
        if !ok { throw ProviderError.malformedXML(site: site, line: parser.lineNumber, column: parser.columnNumber, detail: "unreadable document") }
    }
}

/// JSON APIs: a challenge page or undecodable JSON each become their own clear error.
enum JSONReading {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, site: String) throws -> T {
        if let vendor = PageInspector.challengeVendor(data) { throw ProviderError.challengePage(site: site, vendor: vendor) }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw ProviderError.malformedJSON(site: site, detail: JSONErrorText.describe(error))
        }
    }
}
