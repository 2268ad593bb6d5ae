@testable import Config
import Testing

/// A table header without a name (`[:server]`) aborted lcarsd and lcars-fcgi at start: TOMLKit's
/// toml++ asserts instead of reporting it (found by bench/fuzz.sh; the input is replayed by
/// FuzzCorpusTests too). The check in front of TOMLKit reports it and lets valid TOML through.
@Suite struct TOMLAssertionCheckTests {
    static let secret = #"jwt_secret = "0123456789abcdef0123456789abcdef""#

    @Test(arguments: ["[:server]\n", "[[ =x]]\n", "[server]\nport = 1\n[ %]\n", "a = 1 # c\n\t[,]",
                      "when = 1979-05-27T.7:32:00Z\n", "a = [1979-05-27t]", "b = { c = 2000-01-01T }"])
    func malformedInputTOMLKitWouldAbortOnIsAConfigError(_ text: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: "t.toml") }
        #expect(TOMLAssertionCheck.malformedLine(in: text) != nil)
    }

    @Test func theLineIsNamed() throws {
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse("[server]\n\(Self.secret)\n\n[:x]\n", file: "t.toml") }
        #expect(error?.source == "t.toml line 4")
        #expect(error?.problem.hasPrefix("not valid TOML") == true)
    }

    /// Brackets inside strings, multi-line strings and multi-line arrays are not headers.
    @Test func validTOMLPasses() throws {
        let text = """
            # [:comment]
            [server]
            \(Self.secret)
            [ "quoted.table" ]
            a = \"\"\"
            [:not a header]
            \"\"\"
            b = '''
            [ %also not]'''
            c = [
              [+1, -2],
              { x = "[:y]" },
            ]
            d = "\\"[:z]"
            [[arrays.of]]
            e = 1
            f = 1979-05-27T07:32:00Z
            g = [1979-05-27 07:32:00, 1979-05-27t00:32:00.999999-07:00, 1979-05-27]
            2000-01-01T = "a bare key that looks like a date"
            """
        #expect(TOMLAssertionCheck.malformedLine(in: text) == nil)
    }
}
