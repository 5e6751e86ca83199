extension Document {
    /// The time expression that governs the words at `span`: the nearest one
    /// with a value in the same sentence, or nil.
    ///
    /// ```swift
    /// // "Shoigu, on Wednesday, had said that ..." with the reference 2023-07-26
    /// document.governingTime(of: saidSpan)?.value  // "2023-07-26"
    /// ```
    public func governingTime(of span: Span) -> TimeExpression? {
        guard let sentence = sentences.firstIndex(where: { $0.span.contains(span) }) else { return nil }
        return times.filter { $0.sentence == sentence && $0.value != nil && datesAnEvent($0) }.min {
            distance($0.span, span) < distance($1.span, span)
        }
    }

    /// The date of what is stated at `span`: its governing time's value, else the
    /// reference date when the statement is past or present, else nil.
    public func date(of span: Span, future: Bool) -> String? {
        if let time = governingTime(of: span) { return time.value }
        return future ? nil : published
    }

    /// Whether a time can date what a clause states: not an anniversary, an age or a span of years, and a bare
    /// year only after a preposition ("in 2012", not "the 1953 armistice").
    private func datesAnEvent(_ time: TimeExpression) -> Bool {
        switch time.meaning {
        case .anniversary, .age, .years:
            return false
        case .year:
            guard let index = tokens.firstIndex(where: { $0.span.start == time.span.start }), index > 0 else { return false }
            return ["in", "since", "during", "by", "until", "before", "after", "early", "late"].contains(
                form(tokens[index - 1]).lowercased())
        default:
            return true
        }
    }

    private func distance(_ a: Span, _ b: Span) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
