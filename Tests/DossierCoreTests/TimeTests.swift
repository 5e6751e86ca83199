import DossierCore
import Testing

/// The times of a text as (text, value) pairs, with a reference date given or not.
func times(_ text: String, date: String? = nil) throws -> [String] {
    var document = Document(text: text, source: "test", given: GivenMetadata(title: "", date: date))
    try Pipeline(Pipeline.reading()).run(&document)
    return document.times.compactMap { time in time.value.map { "\(document.string(time.span))=\($0)" } }
}

@Suite struct TimeTests {
    @Test func absoluteForms() throws {
        #expect(
            try times("It ended on 26 July 2023, or July 26, 2023, or 2023-07-26.") == [
                "26 July 2023=2023-07-26", "July 26, 2023=2023-07-26", "2023-07-26=2023-07-26",
            ])
        #expect(try times("Talks began in July 2023 and in 2023.") == ["July 2023=2023-07", "2023=2023"])
        #expect(try times("A Nov. 13, 2019 meeting.") == ["Nov. 13, 2019=2019-11-13"])
    }

    @Test func rangesDecadesAndCenturies() throws {
        #expect(try times("The 1950-53 Korean War and the 1990s.") == ["1950-53=1950/1953", "1990s=1990/1999"])
        #expect(try times("Submarines built between 2027 and 2030 by mid-2019.") == ["between 2027 and 2030=2027/2030", "mid-2019=2019"])
        #expect(try times("Rules for the 21st century.") == ["21st century=2001/2100"])
    }

    @Test func aMonthWithoutAYearTakesTheReferenceYearOrTheOneBefore() throws {
        #expect(
            try times("It was tested in April and again in September.", date: "2017-04-12") == [
                "April=2017-04", "September=2016-09",
            ])
        #expect(try times("It will be tested in September.", date: "2017-04-12") == ["September=2017-09"])
        #expect(try times("They met on July 26.", date: "2023-07-27") == ["July 26=2023-07-26"])
    }

    @Test func weekdaysFollowTheTense() throws {
        // 2023-07-26 was a Wednesday.
        #expect(try times("Shoigu said on Wednesday that it was over.", date: "2023-07-26") == ["Wednesday=2023-07-26"])
        #expect(try times("The parade is expected to finish on Thursday.", date: "2023-07-26") == ["Thursday=2023-07-27"])
        #expect(try times("Shelling began late Tuesday night.", date: "2023-07-26") == ["Tuesday night=2023-07-25"])
    }

    @Test func relativeDaysWeeksMonthsAndYears() throws {
        let date = "2014-08-28"  // a Thursday
        #expect(
            try times("He spoke today, yesterday and will tomorrow.", date: date) == [
                "today=2014-08-28", "yesterday=2014-08-27", "tomorrow=2014-08-29",
            ])
        #expect(
            try times("This week, last week, next week.", date: date) == [
                "This week=2014-08-25/2014-08-31", "last week=2014-08-18/2014-08-24", "next week=2014-09-01/2014-09-07",
            ])
        #expect(
            try times("Last month, this year and next year.", date: date) == [
                "Last month=2014-07", "this year=2014", "next year=2015",
            ])
        #expect(
            try times("It began two days ago, three years ago.", date: date) == [
                "two days ago=2014-08-26", "three years ago=2011",
            ])
        #expect(
            try times("They met on Wednesday. A day earlier they spoke.", date: date) == [
                "Wednesday=2014-08-27", "A day earlier=2014-08-26",
            ])
    }

    @Test func relativeTimesNeedAReferenceDate() throws {
        #expect(try times("They met on Wednesday and in 2000.") == ["2000=2000"])
    }

    @Test func anniversariesAndAges() throws {
        #expect(
            try times("It marked the 70th anniversary of the 1953 armistice.") == [
                "70th anniversary=2023", "1953=1953",
            ])
        #expect(try times("The 15-year-old ban will go.", date: "2005-03-01") == ["15-year-old=1990"])
        #expect(try times("A 15-year-old boy was hurt.", date: "2005-03-01") == [])
    }

    @Test func numbersThatOnlyLookLikeYearsAreNotTimes() throws {
        #expect(try times("It sent 2000 troops under Resolution 2231 and bought F-35 jets for two years.", date: "2020-01-01") == [])
        #expect(try times("May I say you may go, Theresa May.", date: "2020-01-01") == [])
        #expect(try times("The talks in May ended.", date: "2020-06-01") == ["May=2020-05"])
    }

    @Test func theReferenceDateIsInferredFromAnAnniversary() throws {
        var document = Document(
            text: "Kim met Shoigu on July 26 as the country marked the 70th anniversary of the 1953 armistice. Shoigu spoke on Wednesday.",
            source: "test", given: GivenMetadata(title: ""))
        try Pipeline(Pipeline.reading()).run(&document)
        #expect(document.published == "2023-07-26")
        #expect(document.times.first { document.string($0.span) == "Wednesday" }?.value == "2023-07-26")
    }

    @Test func aWeekdayBesideADayOfTheMonthFixesTheYear() throws {
        var document = Document(
            text: "The plan was drawn up in 2019. They met on Wednesday, July 26, in Pyongyang.", source: "test",
            given: GivenMetadata(title: ""))
        try Pipeline(Pipeline.reading()).run(&document)
        #expect(document.published == "2023-07-26")
    }

    @Test func calendarArithmetic() throws {
        let date = try #require(CalendarDate(2024, 2, 29))
        #expect(date.weekday == 4)
        #expect(date.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate(2023, 2, 29) == nil)
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
    }
}

@Suite struct GoverningTimeTests {
    let document: Document

    init() throws {
        var document = Document(
            text: "Shoigu, on Wednesday, had said it. The parade will end on Thursday. Kim spoke. Kim will speak.", source: "test",
            given: GivenMetadata(title: "", date: "2023-07-26"))
        try Pipeline(Pipeline.reading()).run(&document)
        self.document = document
    }

    func span(_ word: String, _ occurrence: Int = 0) -> Span {
        document.tokens.filter { document.string($0.span) == word }[occurrence].span
    }

    @Test func theTimeOfTheSentenceGovernsItsWords() {
        #expect(document.date(of: span("said"), future: false) == "2023-07-26")
        #expect(document.date(of: span("end"), future: true) == "2023-07-27")
    }

    @Test func withoutATimeThePastTakesTheReferenceDateAndTheFutureNone() {
        #expect(document.date(of: span("spoke"), future: false) == "2023-07-26")
        #expect(document.date(of: span("speak"), future: true) == nil)
    }
}
