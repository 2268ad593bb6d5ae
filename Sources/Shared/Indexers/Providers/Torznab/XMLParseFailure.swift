import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first XML error a parse hit, where it was and what it means. Linux's XMLParser may return
/// success after recovering from an error, so delegates record errors as they are reported.
struct XMLParseFailure {
    let line: Int
    let column: Int
    let detail: String

    init(_ error: Error, parser: XMLParser) {
        line = parser.lineNumber
        column = parser.columnNumber
        detail = Self.describe((error as NSError).code)
    }

    /// libxml2 error numbers (XMLParser.ErrorCode) for the cases feeds actually show.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends before its elements are closed"
        case 23, 68: "an unescaped \"&\" or an unknown entity"
        case 26: "an undeclared entity"
        case 38, 39, 41: "a broken attribute"
        case 64: "the document does not start with XML"
        case 73, 76: "a closing tag that does not match its opening tag"
        default: "XML parser error \(code)"
        }
    }

    func error(site: String) -> ProviderError { .malformedXML(site: site, line: line, column: column, detail: detail) }
}
