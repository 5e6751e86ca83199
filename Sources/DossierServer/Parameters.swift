import DossierCore
import Foundation
import Hummingbird

/// A request's query parameters, read with the checks every route shares. A value a route cannot use throws an
/// ``APIError`` (400) that names the parameter and says what it takes; an empty value counts as absent.
struct QueryParameters {
    let request: Request

    init(_ request: Request) { self.request = request }

    /// The value of `name`, or nil when it is absent or empty.
    func text(_ name: String) -> String? {
        guard let value = request.uri.queryParameters[name[...]], !value.isEmpty else { return nil }
        return String(value)
    }

    /// `limit`: a whole number from 1 to `maximum`, or `standard` when absent.
    func limit(standard: Int, maximum: Int = 1000) throws(APIError) -> Int {
        guard let text = text("limit") else { return standard }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw .badParameter("limit", "must be a whole number from 1 to \(maximum), not '\(text)'")
        }
        return limit
    }

    /// `offset`: how many rows to skip, a whole number from 0; 0 when absent.
    func offset() throws(APIError) -> Int {
        guard let text = text("offset") else { return 0 }
        guard let offset = Int(text), offset >= 0 else { throw .badParameter("offset", "must be a whole number from 0, not '\(text)'") }
        return offset
    }

    /// `sort`: `date` (earliest first, the standard) or `-date` (latest first); true for latest first.
    func newestFirst() throws(APIError) -> Bool {
        try choice("sort") { DateOrder(rawValue: $0.lowercased()) } == .descending
    }

    /// `format`: `json` (the standard) or `csv`.
    func format() throws(APIError) -> TableFormat {
        try choice("format") { TableFormat(rawValue: $0.lowercased()) } ?? .json
    }

    /// A date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    func date(_ name: String) throws(APIError) -> String? {
        guard let text = text(name) else { return nil }
        do {
            return try ReportDate(validating: text).value
        } catch {
            throw .badParameter(name, "\(error), not '\(text)'")
        }
    }

    /// `since` and `until`: the first and last date of a range, either absent; `until` may not fall before `since`.
    func dateRange() throws(APIError) -> (since: String?, until: String?) {
        let (since, until) = (try date("since"), try date("until"))
        // "~" sorts after every digit and "-": until 2023-07 ends after since 2023-07-31.
        if let since, let until, until + "~" < since {
            throw .badParameter("until", "must not fall before since (\(since)), not '\(until)'")
        }
        return (since, until)
    }

    /// `type`: an entity type, in any case.
    func entityType() throws(APIError) -> EntityType? {
        try choice("type") { EntityType(rawValue: $0.uppercased()) }
    }

    /// `status`: an event report's status, in any case.
    func eventStatus() throws(APIError) -> Event.Status? {
        try choice("status") { Event.Status(rawValue: $0.lowercased()) }
    }

    /// `code`: a CAMEO code or its prefix, digits only.
    func cameoCode() throws(APIError) -> String? {
        guard let text = text("code") else { return nil }
        guard text.count <= 4, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            throw .badParameter("code", "must be a CAMEO code or its prefix, 1 to 4 digits (04 is every consultation), not '\(text)'")
        }
        return text
    }

    /// A value of a closed set: `parse` gives the member a value names, and the set is listed when it names none.
    private func choice<Member: RawRepresentable & CaseIterable>(_ name: String, _ parse: (String) -> Member?) throws(APIError)
        -> Member? where Member.RawValue == String
    {
        guard let text = text(name) else { return nil }
        guard let member = parse(text) else {
            let names = Member.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badParameter(name, "must be one of \(names), not '\(text)'")
        }
        return member
    }
}

/// The orders of `sort`.
enum DateOrder: String, CaseIterable {
    case ascending = "date"
    case descending = "-date"
}

/// The forms of `format` a list is answered in.
enum TableFormat: String, CaseIterable {
    case json, csv
}

extension RequestContext {
    /// The path parameter `name` of a route such as `/entities/{id}`, percent-decoded: `PERSON:KP:kim%20jong%20un`
    /// is `PERSON:KP:kim jong un`.
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
