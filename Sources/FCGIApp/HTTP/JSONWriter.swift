/// JSON written straight into bytes, for the answers a library of thousands of items asks for
/// most (list pages, a show with its episodes). Foundation's JSONEncoder builds a tree of boxed
/// values, sorts every object's keys and then serializes it: with bench/library.sh that was the
/// largest single cost of a list request. Here each view writes its fields itself.
///
/// The output is the bytes `HTTPResponse.jsonEncoder` makes for the same view (keys in sorted
/// order — the views list them alphabetically —, nil optionals left out, "/" not escaped);
/// JSONWriterTests compares the two for every view that has both.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key needs a "," before it.
    private var needsComma = false

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    // MARK: structure

    mutating func object(_ fields: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        fields(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<Element>(_ elements: some Sequence<Element>, _ write: (inout JSONWriter, Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for element in elements { write(&self, element) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `"name":` — names are the views' own ASCII constants, never escaped.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: values

    mutating func value(_ text: String) {
        separate()
        appendQuoted(text)
        needsComma = true
    }

    mutating func value(_ number: Int64) {
        separate()
        appendDecimal(number)
        needsComma = true
    }

    mutating func value(_ number: Int) { value(Int64(number)) }

    mutating func value(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    mutating func value(_ item: some JSONWritable) { item.writeJSON(to: &self) }

    // MARK: fields (a nil optional is left out, as JSONEncoder's synthesized encodeIfPresent does)

    mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name); value(text)
    }

    mutating func field(_ name: StaticString, _ number: Int64?) {
        guard let number else { return }
        key(name); value(number)
    }

    mutating func field(_ name: StaticString, _ number: Int?) {
        guard let number else { return }
        key(name); value(Int64(number))
    }

    mutating func field(_ name: StaticString, _ flag: Bool) {
        key(name); value(flag)
    }

    mutating func field(_ name: StaticString, _ item: (some JSONWritable)?) {
        guard let item else { return }
        key(name); item.writeJSON(to: &self)
    }

    mutating func field(_ name: StaticString, _ items: [some JSONWritable]?) {
        guard let items else { return }
        key(name); array(items) { $1.writeJSON(to: &$0) }
    }

    mutating func field(_ name: StaticString, _ texts: [String]) {
        key(name); array(texts) { $0.value($1) }
    }

    /// `"name":"…"` where `append` writes the string's bytes itself — only bytes JSON writes as they
    /// are (no `"`, `\` or control characters). When it returns false, everything this call wrote
    /// is taken back (the field is not there) and the result is false.
    mutating func plainField(_ name: StaticString, _ append: (inout [UInt8]) -> Bool) -> Bool {
        let mark = bytes.count, comma = needsComma
        key(name)
        bytes.append(UInt8(ascii: "\""))
        guard append(&bytes) else {
            bytes.removeSubrange(mark...)
            needsComma = comma
            return false
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
        return true
    }

    // MARK: bytes

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDecimal(_ number: Int64) {
        if number == 0 { bytes.append(UInt8(ascii: "0")); return }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the end into a small stack buffer; magnitude as UInt64 so Int64.min works.
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while magnitude > 0 {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as \n, \t … or \u00XX, everything
    /// else (including "/" and non-ASCII UTF-8) as is. Runs of plain bytes are copied in one go.
    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
        }
    }
}

/// A value that writes itself as JSON (its keys in alphabetical order).
protocol JSONWritable {
    func writeJSON(to writer: inout JSONWriter)
}
