import DossierCore
import Testing

/// Runs the whole pipeline on a text written for a test (no headline: all body).
func understand(_ text: String, date: String? = "2023-07-26") throws -> Document {
    var document = Document(text: text, source: "test", given: GivenMetadata(title: "", date: date))
    try Pipeline.standard().run(&document)
    return document
}

extension Document {
    /// The entity with this name.
    func entity(_ name: String) -> Entity? { entities.first { $0.name == name } }

    /// The texts of an entity's mentions.
    func mentionTexts(_ name: String) -> [String] {
        entity(name).map { $0.mentions.map { string(mentions[$0].span) } } ?? []
    }
}

@Suite struct EntityTests {
    @Test func aTitleGivesRoleCountryAndActorCode() throws {
        let document = try understand("Russian Defence Minister Sergei Shoigu met Kim Jong Un. Shoigu said he was pleased.")
        let shoigu = try #require(document.entity("Sergei Shoigu"))
        #expect(shoigu.type == .person)
        #expect(shoigu.country == "RUS")
        #expect(shoigu.roles.contains("Defence Minister"))
        #expect(shoigu.actorCode == "RUSGOV")
        #expect(document.mentionTexts("Sergei Shoigu") == ["Sergei Shoigu", "Shoigu", "he"])
        #expect(document.entity("Russia")?.mentions.count == 1)
    }

    @Test(arguments: ["The summit ended on Friday.", "The alliance met again.", "The union called a strike."])
    func aSentencesCapitalTheMakesNoNameOfALowercaseWord(sentence: String) throws {
        #expect(try understand(sentence).entities.isEmpty)
    }

    @Test func theHagueIsStillAName() throws {
        #expect(try understand("The Hague hosted the talks.").entity("The Hague")?.type == .gpe)
    }

    @Test func aDashAfterANameIsNoPartOfIt() throws {
        let document = try understand("Senators warned Donald Trump—not now, not ever, said Mary Jones—and left Washington.")
        #expect(document.entities.filter { $0.type != .agent }.map(\.name) == ["Donald Trump", "Mary Jones", "United States"])
    }

    @Test func anArticleInAPersonsNameIsNoNameOfItsOwn() throws {
        let document = try understand("The Trump team responded to those reports on Monday.\n\nThe senator said nothing.")
        #expect(!document.mentions.contains { document.string($0.span) == "The" })
    }

    @Test func unknownNamesAreFoundAndTheirSurnamesJoinThem() throws {
        let document = try understand(
            "Zorana Kwembetu, a spokesperson for the Chinese foreign ministry, met reporters. Kwembetu said little.")
        let person = try #require(document.entity("Zorana Kwembetu"))
        #expect(person.type == .person)
        #expect(person.country == "CHN")
        #expect(person.roles.contains { $0.lowercased().contains("spokes") })
        #expect(document.mentionTexts("Zorana Kwembetu").contains("Kwembetu"))
    }

    @Test func aKnownSurnameUsedAloneFirstKeepsItsPerson() throws {
        // "Trump" alone all along is the known Trump; the first lady named in full later is another person.
        let trump = try understand(
            "Trump was angry with Rosenstein on Tuesday. Trump told reporters it was a disgrace. He dines with the first lady "
                + "Melania Trump. Should Trump fire Rosenstein, the crisis would deepen.")
        #expect(trump.mentionTexts("Donald Trump") == ["Trump", "Trump", "He", "Trump"])
        #expect(trump.mentionTexts("Melania Trump") == ["Melania Trump"])
        // A full name named first makes the surname its own.
        let howard = try understand("Conservative leader Michael Howard attacked the plan. Howard said it would fail.")
        #expect(howard.mentionTexts("Michael Howard") == ["Michael Howard", "Howard"])
        // So does a full name the knowledge base knows as another person with that surname.
        let clinton = try understand(
            "Clinton leads in the polls. Democratic candidate Hillary Clinton spoke in Ohio. Clinton said she would win.")
        #expect(clinton.mentionTexts("Hillary Clinton").filter { $0 == "Clinton" }.count == 2)
    }

    @Test func aPlaceNameThatIsAPersonsNameAndAMonthThatIsAName() throws {
        let chad = try understand("Chad Smith met officials in Chad on Monday.")
        #expect(chad.entity("Chad Smith")?.type == .person)
        #expect(chad.entity("Chad")?.type == .gpe)
        let may = try understand("Theresa May met Angela Merkel in May.")
        #expect(may.entity("Theresa May")?.type == .person)
        #expect(may.entities.filter { $0.name == "May" }.isEmpty)
        #expect(may.times.contains { may.string($0.span) == "May" })
    }

    @Test func capitalsAndSeatsStandForTheirCountries() throws {
        let document = try understand("It was a claim both Moscow and Pyongyang have denied. The Kremlin said nothing.")
        #expect(document.mentionTexts("Russia") == ["Moscow"])
        #expect(document.mentionTexts("North Korea") == ["Pyongyang"])
        #expect(document.entity("Kremlin")?.country == "RUS")
    }

    @Test func nationalitiesDescriptionsAndTheNorth() throws {
        let document = try understand(
            """
            North Korea invited Chinese delegations. Kim Jong Un met Russian Defence Minister Sergei Shoigu, as the latter \
            visited the North. Russia's defence chief praised the army.
            """)
        #expect(document.mentionTexts("China") == ["Chinese"])
        #expect(document.mentionTexts("North Korea").contains("the North"))
        #expect(document.mentionTexts("Sergei Shoigu").contains("the latter"))
        #expect(document.mentionTexts("Sergei Shoigu").contains("Russia's defence chief"))
    }

    @Test func aDescriptionJoinsTheHolderOfItsOfficeOnly() throws {
        let document = try understand(
            """
            Russian President Vladimir Putin spoke in Moscow. Russian Defence Minister Sergei Shoigu flew to Minsk. \
            The Russian defence minister arrived late. The Russian president stayed home.
            """)
        #expect(document.mentionTexts("Sergei Shoigu").contains("Russian defence minister"))
        #expect(!document.mentionTexts("Vladimir Putin").contains("Russian defence minister"))
        #expect(document.mentionTexts("Vladimir Putin").contains("Russian president"))
    }

    @Test func coordinatedNationalitiesBeforeAPluralRoleAreEachCountrysHolder() throws {
        let document = try understand(
            """
            Chinese President Xi Jinping and US President Joe Biden spoke by phone. A meeting between the US and \
            Chinese presidents is planned.
            """)
        #expect(document.mentionTexts("Joe Biden").contains("US"))
        #expect(document.mentionTexts("Xi Jinping").contains("Chinese presidents"))
    }

    @Test func pronounsFindTheirPeople() throws {
        let document = try understand(
            "The visiting delegation is led by politburo member Li Hongzhong. He handed a letter to Kim Jong Un, who thanked him.")
        #expect(document.mentionTexts("Li Hongzhong") == ["Li Hongzhong", "He", "him"])
    }

    @Test func creditsAreOrganisations() throws {
        var document = Document(text: "Headline here\n\nKim met Shoigu.\n\n--With PTI inputs", source: "test")
        try Pipeline.standard().run(&document)
        #expect(document.entity("PTI")?.type == .org)
        #expect(document.entity("PTI")?.country == "IND")
    }
}
