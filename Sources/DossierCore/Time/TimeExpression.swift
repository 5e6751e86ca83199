/// A time expression found in the text, what it means, and the value it resolves to.
public struct TimeExpression: Sendable, Hashable {
    public var span: Span
    /// Index into ``Document/sentences``.
    public var sentence: Int
    public var meaning: Meaning
    /// Whether its clause speaks of the future ("is expected to finish on Thursday").
    public var future: Bool
    /// Whether it can date what its clause states: not an anniversary, an age or a span of years, and a bare year
    /// only after a dating word ("in 2012", not "the 1953 armistice").
    public var datesStatement: Bool = true
    /// The ISO value (`2023-07-26`, `2023-07`, `2023`, ranges as `1950/1953`), nil when the reference date does not fix it.
    public var value: String?

    public init(span: Span, sentence: Int, meaning: Meaning, future: Bool, datesStatement: Bool = true, value: String? = nil) {
        self.span = span
        self.sentence = sentence
        self.meaning = meaning
        self.future = future
        self.datesStatement = datesStatement
        self.value = value
    }

    /// What a time expression says, before the reference date resolves it.
    public enum Meaning: Sendable, Hashable {
        /// "July 26, 2023", "2023-07-26"
        case date(year: Int, month: Int, day: Int)
        /// "July 26": the year comes from the reference date.
        case monthDay(month: Int, day: Int)
        /// "July 2023"
        case monthOfYear(year: Int, month: Int)
        /// "April": the year comes from the reference date.
        case month(Int)
        /// "2015", "mid-2019"
        case year(Int)
        /// "1950-53", "between 2027 and 2030", "the 1990s", "the 21st century"
        case years(Int, Int)
        /// "Wednesday", "Tuesday night": 1 = Monday.
        case weekday(Int)
        /// "today", "yesterday": days from the reference date.
        case day(Int)
        /// "last week", "this month", "next year".
        case shifted(TimeUnit, Int)
        /// "two days ago", "three years ago".
        case ago(Int, TimeUnit)
        /// "a day earlier", "two days later": days from the date last mentioned.
        case daysFromLast(Int)
        /// "the 70th anniversary of the 1953 armistice": the year of the anniversary.
        case anniversary(ordinal: Int, of: Int)
        /// "the 15-year-old ban": the year it began.
        case age(Int)
    }
}

/// How the reference date was found.
public struct ReferenceDate: Sendable, Hashable {
    /// ISO, may be partial.
    public var value: String
    /// "given", "record", "page (json-ld)", or how the text fixes it.
    public var source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }
}
