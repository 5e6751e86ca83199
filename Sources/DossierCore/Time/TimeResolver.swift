/// Fixes a report's reference date and resolves time expressions against it.
///
/// The reference is the date given with the report; else the latest full date
/// the text states as past (a caption's "February 10, 2018"); else one the
/// text implies: an anniversary fixes the year ("the 70th anniversary of" a
/// 1953 armistice is 2023), which dates a bare "July 26", or a weekday that
/// agrees with a day of the month ("Wednesday, July 26").
struct TimeResolver {
    let times: [TimeExpression]
    let reference: ReferenceDate?
    private let year: Int?
    private let month: Int?
    private let date: CalendarDate?

    init(document: Document, times: [TimeExpression]) {
        self.times = times
        let reference = Self.reference(document: document, times: times)
        self.reference = reference
        let parsed = reference.flatMap { CalendarDate.parse($0.value) }
        year = parsed?.year
        month = parsed?.month
        date = parsed.flatMap { p in p.month.flatMap { m in p.day.flatMap { CalendarDate(p.year, m, $0) } } }
    }

    static func reference(document: Document, times: [TimeExpression]) -> ReferenceDate? {
        if let given = document.given.date {
            return ReferenceDate(value: given, source: document.given.dateSource ?? "given")
        }
        let anniversaries = times.compactMap { time -> (Int, String)? in
            guard case .anniversary(let n, let of) = time.meaning else { return nil }
            return (of + n, document.string(time.span))
        }
        let hint = anniversaries.max { $0.0 < $1.0 }
        var candidates: [(CalendarDate, String)] = []
        for (index, time) in times.enumerated() where !time.future {
            switch time.meaning {
            case .date(let y, let m, let d):
                if let date = CalendarDate(y, m, d) {
                    candidates.append((date, "the latest date the text states, '\(document.string(time.span))'"))
                }
            case .monthDay(let m, let d):
                if let (y, why) = hint, let date = CalendarDate(y, m, d) {
                    candidates.append((date, "'\(document.string(time.span))' in \(y), the year of the \(why)"))
                } else if index > 0, case .weekday(let weekday) = times[index - 1].meaning,
                    time.span.start - times[index - 1].span.end <= 2,
                    let date = agreeing(weekday, m, d, after: latestYear(times))
                {
                    candidates.append(
                        (date, "'\(document.string(Span(times[index - 1].span.start, time.span.end)))': the weekday fixes the year"))
                }
            default:
                break
            }
        }
        if let (date, why) = candidates.max(by: { $0.0 < $1.0 }) {
            return ReferenceDate(value: date.description, source: "inferred: \(why)")
        }
        if let (y, why) = hint { return ReferenceDate(value: String(y), source: "inferred: the year of the \(why)") }
        return nil
    }

    /// The latest year the text names, from which a weekday and a day of the month fix the year.
    private static func latestYear(_ times: [TimeExpression]) -> Int? {
        times.compactMap { time -> Int? in
            switch time.meaning {
            case .date(let y, _, _), .monthOfYear(let y, _), .year(let y): y
            case .years(_, let y): y
            default: nil
            }
        }.max()
    }

    /// The first year from `start` (within a dozen) in which the month and day fall on the weekday.
    private static func agreeing(_ weekday: Int, _ month: Int, _ day: Int, after start: Int?) -> CalendarDate? {
        guard let start else { return nil }
        for y in start...(start + 12) {
            if let date = CalendarDate(y, month, day), date.weekday == weekday { return date }
        }
        return nil
    }

    /// Every expression with its value, in text order; those the reference does not fix keep a nil value.
    func resolved() -> [TimeExpression] {
        var last: CalendarDate?
        return times.map { time in
            var time = time
            time.value = value(time, last: last)
            if let value = time.value, let (y, m, d) = CalendarDate.parse(value), let m, let d { last = CalendarDate(y, m, d) }
            return time
        }
    }

    private func value(_ time: TimeExpression, last: CalendarDate?) -> String? {
        switch time.meaning {
        case .date(let y, let m, let d):
            return CalendarDate.iso(y, m, d)
        case .monthOfYear(let y, let m):
            return CalendarDate.iso(y, m)
        case .year(let y):
            return String(y)
        case .years(let a, let b):
            return "\(a)/\(b)"
        case .anniversary(let n, let of):
            return String(of + n)
        case .monthDay(let m, let d):
            guard var y = year else { return nil }
            if let date, let day = CalendarDate(y, m, d) {
                if !time.future && day.dayNumber - date.dayNumber > 31 { y -= 1 }
                if time.future && date.dayNumber - day.dayNumber > 31 { y += 1 }
            } else if let month, !time.future && m > month {
                y -= 1
            }
            return CalendarDate(y, m, d)?.description
        case .month(let m):
            guard var y = year else { return nil }
            if let month {
                if m > month && !time.future { y -= 1 }
                if m < month && time.future { y += 1 }
            }
            return CalendarDate.iso(y, m)
        case .weekday(let w):
            guard let date else { return nil }
            let offset = time.future ? (w - date.weekday + 7) % 7 : -((date.weekday - w + 7) % 7)
            return date.adding(days: offset).description
        case .day(let k):
            return date?.adding(days: k).description
        case .shifted(let unit, let k):
            return shifted(unit, k)
        case .ago(let n, let unit):
            return shifted(unit, -n)
        case .daysFromLast(let k):
            return last?.adding(days: k).description
        case .age(let n):
            return year.map { String($0 - n) }
        }
    }

    /// The reference moved by `k` units: a day, a week as a Monday-to-Sunday range, a month, a year, a decade's year.
    private func shifted(_ unit: TimeUnit, _ k: Int) -> String? {
        switch unit {
        case .day:
            return date?.adding(days: k).description
        case .week:
            guard let date else { return nil }
            let monday = date.adding(days: 1 - date.weekday + 7 * k)
            return "\(monday)/\(monday.adding(days: 6))"
        case .month:
            guard let year, let month else { return nil }
            let index = year * 12 + (month - 1) + k
            return CalendarDate.iso(index / 12, index % 12 + 1)
        case .year:
            return year.map { String($0 + k) }
        case .decade:
            return year.map { String($0 + 10 * k) }
        }
    }
}
