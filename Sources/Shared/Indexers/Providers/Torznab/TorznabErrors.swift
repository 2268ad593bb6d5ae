import Foundation

/// Torznab/Newznab error codes (the <error code="…"/> answer) and what they mean to a user.
enum TorznabErrors {
    static func message(code: Int, description: String?) -> String {
        let meaning: String
        switch code {
        case 100: meaning = "incorrect API key or credentials — check the indexer's API key"
        case 101: meaning = "account suspended"
        case 102: meaning = "insufficient privileges — this key may not use the API"
        case 103: meaning = "registration denied"
        case 104: meaning = "registrations are closed"
        case 105: meaning = "invalid registration (email address taken)"
        case 106: meaning = "invalid registration (email address bad format)"
        case 107: meaning = "registration failed (data error)"
        case 200: meaning = "missing parameter"
        case 201: meaning = "incorrect parameter"
        case 202: meaning = "no such function — the indexer does not support this search"
        case 203: meaning = "function not available"
        case 300: meaning = "no such item"
        case 429, 500: meaning = "request limit reached — try again later"
        case 900: meaning = "unknown error on the indexer"
        case 910: meaning = "API disabled on the indexer"
        default: meaning = "error"
        }
        guard let description, !description.isEmpty, description.lowercased() != meaning else { return meaning }
        return "\(meaning) (\(description))"
    }
}
