extension Document {
    /// The time expression that governs the words at `span`: the nearest one
    /// with a value in the same sentence, or nil.
    ///
    /// ```swift
    /// // "Shoigu, on Wednesday, had said that ..." with the reference 2023-07-26
    /// document.governingTime(of: saidSpan)?.value  // "2023-07-26"
    /// ```
    public func governingTime(of span: Span) -> TimeExpression? {
        // Sentences and times are in order: both found by binary search, not a scan of the whole text.
        let sentence = sentences.partitionPoint { $0.span.end > span.start }
        guard sentence < sentences.count, sentences[sentence].span.contains(span) else { return nil }
        let first = times.partitionPoint { $0.span.start >= sentences[sentence].span.start }
        let end = times[first...].partitionPoint { $0.span.start >= sentences[sentence].span.end }
        return times[first..<end].filter { $0.sentence == sentence && $0.value != nil && $0.datesStatement }.min {
            distance($0.span, span) < distance($1.span, span)
        }
    }

    /// The date of what is stated at `span`: its governing time's value, else the
    /// reference date when the statement is past or present, else nil.
    public func date(of span: Span, future: Bool) -> String? {
        if let time = governingTime(of: span) { return time.value }
        return future ? nil : published
    }

    private func distance(_ a: Span, _ b: Span) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
