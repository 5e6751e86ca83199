import Foundation

/// Dates as the Internet writes them: HTTP's (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850's, asctime's) and RSS's RFC 822
/// family (`Tue, 10 Jun 2003 04:00:00 +0200`, without weekday or seconds, two-digit years), and ISO 8601 (Atom,
/// sitemaps: `2024-03-05`, `2024-03-05T10:00:00+01:00`).
///
/// ```swift
/// InternetDate.iso(InternetDate.parse("Tue, 10 Jun 2003 04:00:00 GMT")!)   // "2003-06-10T04:00:00Z"
/// InternetDate.normalized("2024-03-05T10:00:00+01:00")                     // "2024-03-05T09:00:00Z"
/// ```
public enum InternetDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm zzz",
        "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss zzz", "EEE, d MMM yy HH:mm:ss Z", "EEE, d MMM yy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy",
    ]

    /// An RFC 822, RFC 1123, RFC 850 or asctime date.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 64 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// An ISO 8601 date or time: a day, or a time with a zone and optional fractions of a second.
    public static func parseISO(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count >= 10, trimmed.utf8.count < 64 else { return nil }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// The date in ISO 8601, UTC: `2003-06-10T04:00:00Z`.
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A date in either family, as ISO 8601 in UTC; a bare day (`2024-03-05`) stays a day. Nil when it is neither.
    public static func normalized(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.utf8.count == 10, parseISO(trimmed) != nil { return trimmed }
        return (parseISO(trimmed) ?? parse(trimmed)).map(iso)
    }
}
