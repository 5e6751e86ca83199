/// A report's reference date as a user gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
///
///     let date = try ReportDate(validating: "2023-07-26")
///     ReportReader(intake: Intake(), pipeline: .standard(), date: date.value)
public struct ReportDate: Sendable, Hashable {
    /// The date as given.
    public let value: String

    /// Throws ``Malformed`` unless `text` is a year, a year and month, or a full date with a real month and day number.
    public init(validating text: String) throws(Malformed) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        var valid = (1...3).contains(parts.count) && parts[0].count == 4 && Int(parts[0]) != nil
        if valid, parts.count >= 2 { valid = parts[1].count == 2 && Int(parts[1]).map { (1...12).contains($0) } == true }
        if valid, parts.count == 3 { valid = parts[2].count == 2 && Int(parts[2]).map { (1...31).contains($0) } == true }
        guard valid else { throw Malformed() }
        value = text
    }

    /// A date that is none of the accepted forms.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String { "not a date of the form YYYY-MM-DD, YYYY-MM or YYYY" }
    }
}
