import Foundation

/// Decides whether two reports speak of the same event, once they share CAMEO root, source and target:
/// their dates agree within a tolerance and their places, when both have one, are the same.
public struct EventMatching: Sendable {
    /// Days apart that full dates may be.
    public var toleranceDays: Int

    public init(toleranceDays: Int = 1) { self.toleranceDays = toleranceDays }

    /// An event already in the store (or made earlier in the batch) that a report may join.
    public struct Candidate: Sendable, Hashable {
        public var id: String
        public var date: String?
        public var placeKey: String?
    }

    /// Whether a report's date and place match a candidate's: full dates within the tolerance, the same month
    /// when either only gives a month, the same year when either only gives a year. A report without a date
    /// matches nothing: two undated reports of a meeting may be of two meetings.
    public func matches(date: String?, place: String?, _ candidate: Candidate) -> Bool {
        if let place, let other = candidate.placeKey, place != other { return false }
        return distance(date, candidate.date).map { $0 <= toleranceDays } ?? false
    }

    /// The best candidate for a report: the nearest date, then the smallest id, so that the choice does not
    /// depend on the order candidates were found in.
    public func best(date: String?, place: String?, among candidates: [Candidate]) -> Candidate? {
        candidates.filter { matches(date: date, place: place, $0) }
            .min { (distance(date, $0.date) ?? 0, $0.id) < (distance(date, $1.date) ?? 0, $1.id) }
    }

    /// Days between two dates, 0 when the coarser of them contains the finer, nil when they cannot match.
    func distance(_ a: String?, _ b: String?) -> Int? {
        guard let a, let b else { return nil }
        let precision = min(Self.precision(a), Self.precision(b))
        guard precision > 0 else { return a == b ? 0 : nil }
        if precision < 10 { return a.prefix(precision) == b.prefix(precision) ? 0 : nil }
        guard let dayA = Self.day(a), let dayB = Self.day(b) else { return nil }
        return abs(dayA - dayB)
    }

    /// How many leading characters of an ISO date are known: 10 (day), 7 (month), 4 (year) or 0.
    private static func precision(_ date: String) -> Int {
        let digits = date.utf8.prefix(10).map { $0 >= 0x30 && $0 <= 0x39 }
        if digits.count == 10 && digits[5] && digits[6] && digits[8] && digits[9] { return 10 }
        if digits.count >= 7 && digits[5] && digits[6] { return 7 }
        if digits.count >= 4 && digits[0..<4].allSatisfy({ $0 }) { return 4 }
        return 0
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date.
    private static func day(_ date: String) -> Int? {
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let year = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (parts[1] + (parts[1] > 2 ? -3 : 9)) + 2) / 5 + parts[2] - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
