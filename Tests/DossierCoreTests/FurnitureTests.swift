import DossierCore
import Testing

@Suite struct FurnitureTests {
    let report = """
        ×

        Minister visits the capital for talks

        The visit is the first in a decade

        The minister and the president shake hands in the capital on May 2 | STATE AGENCY

        The minister arrived in the capital on Tuesday for two days of talks. He met the president.

        Advertisement

        The two sides signed an agreement on trade.

        --With PTI inputs
        """

    @Test func headlineStandfirstCaptionCloseGlyphAndCreditLeaveTheBody() throws {
        let document = try analyse(report)
        #expect(document.title == "Minister visits the capital for talks")
        #expect(document.blocks(.standfirst) == ["The visit is the first in a decade"])
        #expect(document.captions == ["The minister and the president shake hands in the capital on May 2 | STATE AGENCY"])
        #expect(document.credits == ["PTI"])
        #expect(document.blocks(.furniture) == ["×", "Advertisement"])
        #expect(
            document.blocks(.body) == [
                "The minister arrived in the capital on Tuesday for two days of talks. He met the president.",
                "The two sides signed an agreement on trade.",
            ])
    }

    /// Lines of furniture in other languages; a capital outside ASCII is matched as the rule writes it ("À").
    @Test(arguments: [
        "Anzeige", "Werbung", "Lesen Sie auch: Wie der Minister die Gespräche vorbereitet hat", "Mehr zum Thema",
        "À lire aussi : Le ministre prépare les négociations", "Lire aussi: le ministre prépare les négociations", "Publicité",
        "Lea también: El ministro prepara las negociaciones", "Leggi anche: il ministro prepara i negoziati",
    ])
    func furnitureLinesInOtherLanguagesLeaveTheBody(line: String) throws {
        let document = try analyse(
            """
            The minister arrived in the capital on Tuesday for two days of talks. He met the president.

            \(line)

            The two sides signed an agreement on trade.
            """)
        #expect(document.blocks(.furniture) == [line])
    }

    /// A video player's teaser lines: the title of another story, not this one's words.
    @Test(arguments: [
        "JUST WATCHED Minister meets the president Replay More Videos ...",
        "MUST WATCH Minister meets the president 01:51",
    ])
    func videoTeasersLeaveTheBody(line: String) throws {
        let document = try analyse(
            """
            The minister arrived in the capital on Tuesday for two days of talks.

            \(line)

            The two sides signed an agreement on trade.
            """)
        #expect(document.blocks(.furniture) == [line])
    }

    @Test func captionsOfEveryKind() throws {
        let document = try analyse(
            """
            Headline of the day

            Image copyright Getty Images

            Media caption The minister spoke to reporters

            Enlarge this image toggle caption Kyodo /Reuters Kyodo /Reuters

            Photo: Jane Doe

            Leaders meet at the summit. (AP Photo/Evan Vucci)

            Leaders meet at the summit in Seoul, South Korea, April 27, 2018. KCNA/via REUTERS

            The leaders met on Friday and agreed to talk again.
            """)
        #expect(
            document.captions == [
                "Getty Images", "The minister spoke to reporters", "Kyodo /Reuters", "Jane Doe",
                "Leaders meet at the summit. (AP Photo/Evan Vucci)",
                "Leaders meet at the summit in Seoul, South Korea, April 27, 2018. KCNA/via REUTERS",
            ])
        #expect(document.blocks(.body) == ["The leaders met on Friday and agreed to talk again."])
    }

    @Test func creditLinesNameTheirAgencies() throws {
        let document = try analyse(
            """
            Headline of the day

            The leaders met on Friday.

            Additional reporting by Jane Roe; Editing by John Doe

            Contributing: Associated Press

            Reuters contributed to this report.

            Jane Roe of CNN contributed to this story.

            (With inputs from ANI)
            """)
        #expect(document.credits == ["Associated Press", "Reuters", "CNN", "ANI"])
        #expect(document.blocks(.body) == ["The leaders met on Friday."])
    }

    @Test func datelinesKeepThePlaceAndTheAgency() throws {
        let document = try analyse(
            """
            Headline of the day

            WASHINGTON (AP) — President Smith said on Wednesday that talks would go on.

            SEOUL (Reuters) - This later paragraph keeps its words.
            """)
        #expect(document.credits == ["AP"])
        #expect(document.datelinePlaces == ["WASHINGTON"])
        #expect(document.blocks(.dateline) == ["WASHINGTON (AP) — "])
        #expect(document.blocks(.body).first == "President Smith said on Wednesday that talks would go on.")
        #expect(document.blocks(.body).count == 2)
    }

    @Test func datelineAfterAccentedPlace() throws {
        let document = try analyse(
            """
            Headline of the day

            SÃO PAULO (Reuters) - Prices rose on Monday.
            """)
        #expect(document.datelinePlaces == ["SÃO PAULO"])
        #expect(document.blocks(.dateline) == ["SÃO PAULO (Reuters) - "])
        #expect(document.blocks(.body) == ["Prices rose on Monday."])
    }

    @Test func bylinesAndOutletLines() throws {
        let document = try analyse(
            """
            North Korea tests a missile

            Jane Roe

            USA TODAY

            North Korea said it tested a missile on Friday.
            """)
        #expect(document.blocks(.byline) == ["Jane Roe"])
        #expect(document.credits == ["USA TODAY"])
        #expect(document.blocks(.body) == ["North Korea said it tested a missile on Friday."])
    }

    @Test func shareBarsNewslettersTeasersAndHighlights() throws {
        let document = try analyse(
            """
            Headline of the day

            Story highlights Leaders meet on Friday

            The meeting is informal

            The two leaders will meet on Friday in California.

            SHARE THIS ARTICLE Share Tweet Post Email

            Sign up for Daily Newsletters Manage Newsletters

            READ MORE: Why the summit matters

            Play Video 1:25 The summit in two minutes

            They last met a year ago.
            """)
        #expect(document.blocks(.standfirst) == ["Story highlights Leaders meet on Friday", "The meeting is informal"])
        #expect(document.blocks(.furniture).count == 4)
        #expect(document.blocks(.body) == ["The two leaders will meet on Friday in California.", "They last met a year ago."])
    }

    @Test(arguments: [
        "Get the stories you care about delivered to your inbox. By signing up, you agree to our privacy policy",
        "Want the morning briefing in your inbox every day? Sign up here.",
        "Start the day smarter: get our daily briefing in your inbox",
        "Sign up for the weekly world briefing",
        "Thank you for signing up. For more, see our latest issue",
        "Subscribe now for as little as $2 a month!",
        "Subscribe on your podcast app, wherever you listen.",
    ])
    func newsletterPromotionsLeaveTheBody(promotion: String) throws {
        let document = try analyse("The ministers met in the capital on Friday.\n\n\(promotion)\n\nThey agreed to meet again.")
        #expect(document.blocks(.furniture) == [promotion])
        #expect(document.blocks(.body) == ["The ministers met in the capital on Friday.", "They agreed to meet again."])
    }

    @Test func aReportAboutSigningUpStaysInTheBody() throws {
        let text = "Hundreds of volunteers are signing up to monitor the vote, the commission said on Monday."
        let document = try analyse("The ministers met in the capital on Friday.\n\n\(text)")
        #expect(document.blocks(.body).contains(text))
    }

    @Test func timestampsAndSignOffsLeaveTheBody() throws {
        let document = try analyse(
            """
            Headline of the day

            7 years ago

            Updated 5:45 PM ET

            The leaders met on Friday.

            - Jane Roe
            """)
        #expect(document.blocks(.furniture) == ["7 years ago", "Updated 5:45 PM ET"])
        #expect(document.blocks(.byline) == ["- Jane Roe"])
        #expect(document.blocks(.body) == ["The leaders met on Friday."])
    }

    @Test func aGivenTitleMakesTheTextAllBodyAndDropsItsRepeat() throws {
        let document = try analyse("Talks resume\n\nShort line without a period\n\nTalks resumed on Monday.", title: "Talks resume")
        #expect(document.title == "Talks resume")
        #expect(document.blocks(.body) == ["Short line without a period", "Talks resumed on Monday."])
    }

    @Test func repeatedParagraphsAreDroppedOnce() throws {
        let document = try analyse(
            """
            Headline of the day

            The minister speaks in the East Room of the White House. (AP Photo/Jane Roe)

            The minister speaks in the East Room of the White House. (AP Photo/Jane Roe)

            The minister spoke on Wednesday.
            """)
        #expect(document.captions.count == 1)
        #expect(document.blocks(.furniture).count == 1)
    }

    @Test func reportsWithoutAHeadlineStartWithBody() throws {
        let document = try analyse("The minister arrived on Tuesday. He met the president.")
        #expect(document.title == nil)
        #expect(document.blocks(.body).count == 1)
    }
}
