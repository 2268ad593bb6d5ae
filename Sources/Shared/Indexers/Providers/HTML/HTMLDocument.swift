import CLibXML2
import Foundation

/// A web page parsed by libxml2's forgiving HTML parser (the one browsers' tag soup needs:
/// unclosed tags, stray "&", inline scripts), queried with XPath. Parse errors are recovered
/// from silently; a page that yields no document at all is nil.
final class HTMLDocument {
    fileprivate let doc: htmlDocPtr

    /// `encoding` overrides what the page declares (nil: use its <meta charset>, else UTF-8).
    init?(data: Data, encoding: String? = nil) {
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let parsed: htmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(buffer.count), "page.html", encoding, options)
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// Nodes matching an XPath expression, from the document root.
    func nodes(_ xpath: String) -> [HTMLNode] { evaluate(xpath, from: nil) }

    fileprivate func evaluate(_ xpath: String, from node: xmlNodePtr?) -> [HTMLNode] {
        guard let context = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(context) }
        if let node { context.pointee.node = node }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in table[i].map { HTMLNode(node: $0, document: self) } }
    }
}

/// One element of an `HTMLDocument`; it keeps the document alive.
struct HTMLNode {
    fileprivate let node: xmlNodePtr
    fileprivate let document: HTMLDocument

    /// The text inside, entities decoded, whitespace runs collapsed.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { lcars_xml_free(content) }
        let raw = String(cString: content)
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { lcars_xml_free(value) }
        return String(cString: value)
    }

    /// Nodes matching an XPath expression relative to this node (start it with ".").
    func nodes(_ xpath: String) -> [HTMLNode] { document.evaluate(xpath, from: node) }

    func first(_ xpath: String) -> HTMLNode? { nodes(xpath).first }
}
