import DossierCore
import Foundation
import Testing

@Suite struct KnowledgeBaseTests {
    @Test(
        arguments: [
            ("country:RUS", KBEntry.Category.country), ("org:nato", .organisation), ("city:524901", .city), ("seat:kremlin", .seat),
            ("person:vladimir-putin", .person), ("mystery:1", nil),
        ] as [(String, KBEntry.Category?)])
    func anEntrysCategoryIsItsIdsPrefix(id: String, category: KBEntry.Category?) {
        #expect(KBEntry(id: id, name: "x", type: .org).category == category)
    }

    @Test func theKnowledgeBaseSaysWhatSortEachNameIs() throws {
        let knowledge = KnowledgeBase.english
        #expect(knowledge.entries(named: "NATO").first?.category == .organisation)
        #expect(knowledge.entries(named: "Kremlin").first?.category == .seat)
    }

    let kb = KnowledgeBase.english

    @Test func countriesByCodeNameAndAlias() throws {
        let korea = try #require(kb.country(iso3: "PRK"))
        #expect(korea.name == "North Korea")
        #expect(korea.iso2 == "KP")
        #expect(korea.capital == "Pyongyang")
        #expect(korea.entry.id == "country:PRK")
        #expect(korea.entry.type == .gpe)
        #expect(kb.entries(named: "DPRK").first?.id == "country:PRK")
        #expect(kb.entries(named: "Democratic People’s Republic of Korea").first?.id == "country:PRK")
        #expect(kb.entries(named: "Russian Federation").first?.country == "RUS")
        #expect(kb.entries(named: "the United States").first?.id == "country:USA")
        #expect(kb.entries(named: "Britain").first?.id == "country:GBR")
        for iso3 in ["PSE", "XKX", "TWN", "KOR", "IRN", "SYR"] {
            #expect(kb.country(iso3: iso3) != nil, "missing \(iso3)")
        }
        #expect(kb.countries.count >= 250)
        #expect(kb.country(capital: "Moscow")?.iso3 == "RUS")
    }

    @Test func shortNamesKeepTheirCaseLongOnesDoNot() {
        #expect(kb.entries(named: "US").first?.id == "country:USA")
        #expect(kb.entries(named: "us").isEmpty)
        #expect(kb.entries(named: "AP").first?.id == "org:ap")
        #expect(kb.entries(named: "ap").isEmpty)
        #expect(kb.entries(named: "NORTH KOREA").first?.id == "country:PRK")
        #expect(kb.entries(named: "north korea").first?.id == "country:PRK")
        #expect(kb.entries(named: "Kim Jong-un").first?.id == "person:kim-jong-un")
        #expect(kb.entries(named: "Kim  Jong\nUn").first?.id == "person:kim-jong-un")
    }

    @Test func seatsOfPowerStandForTheirState() throws {
        let kremlin = try #require(kb.entries(named: "the Kremlin").first)
        #expect(kremlin.id == "seat:kremlin")
        #expect(kremlin.type == .gpe)
        #expect(kremlin.country == "RUS")
        #expect(kremlin.sector == "GOV")
        #expect(kremlin.actorCode == "RUSGOV")
        #expect(kb.entries(named: "Kremlin") == kb.entries(named: "The Kremlin"))
        #expect(kb.entries(named: "the Pentagon").first?.actorCode == "USAMIL")
        #expect(kb.entries(named: "Zhongnanhai").first?.country == "CHN")
        #expect(kb.entries(named: "Elysee").first?.id == kb.entries(named: "Élysée").first?.id)
    }

    @Test func organisations() {
        #expect(kb.entries(named: "KCNA").first?.actorCode == "PRKMED")
        #expect(kb.entries(named: "Korean Central News Agency").first?.id == "org:kcna")
        #expect(kb.entries(named: "NATO").first?.sector == "IGO")
        #expect(kb.entries(named: "NATO").first?.country == nil)
        #expect(kb.entries(named: "Press Trust of India").first?.country == "IND")
        #expect(kb.entries(named: "US Air Force").first?.actorCode == "USAMIL")
        #expect(kb.entries(named: "U.S. Air Force").first?.id == "org:us-air-force")
        let jcs = kb.entries(named: "Joint Chiefs of Staff").map(\.country)
        #expect(jcs.contains("USA") && jcs.contains("KOR"))
        #expect(kb.entries(named: "South Korea’s Joint Chiefs of Staff").first?.country == "KOR")
        #expect(kb.entries(named: "Party Central Committee").first?.country == "PRK")
    }

    @Test func demonymsAndRoles() {
        #expect(kb.demonym("Russian")?.iso3 == "RUS")
        #expect(kb.demonym("North Korean")?.iso3 == "PRK")
        #expect(kb.demonym("North Koreans")?.iso3 == "PRK")
        #expect(kb.demonym("Chinese")?.iso3 == "CHN")
        #expect(kb.demonym("British")?.iso3 == "GBR")
        #expect(kb.demonym("Israelis")?.iso3 == "ISR")
        #expect(kb.demonym("Turkish")?.iso3 == "TUR")
        #expect(kb.demonym("American")?.iso3 == "USA")
        #expect(kb.demonym("Korean") == nil)
        #expect(kb.role("Defence Minister") == Role(name: "Defence Minister", sector: "GOV"))
        #expect(kb.role("defense minister")?.name == "Defence Minister")
        #expect(kb.role("spokeswoman")?.name == "spokesperson")
        #expect(kb.role("General")?.sector == "MIL")
        #expect(kb.role("ambassador")?.sector == "DIP")
        #expect(kb.role("politburo member")?.sector == "GOV")
        #expect(kb.role("vice-president") == kb.role("Vice President"))
        #expect(kb.role("weather forecaster") == nil)
    }

    @Test func peopleAndTheirDates() throws {
        #expect(kb.officeHolders(country: "RUS", role: "defence minister", on: "2023").map(\.name) == ["Sergei Shoigu"])
        #expect(kb.officeHolders(country: "RUS", role: "Defense Minister", on: "2025-03-01").map(\.name) == ["Andrei Belousov"])
        #expect(kb.officeHolders(country: "USA", role: "foreign minister", on: "2023-07-26").map(\.name) == ["Antony Blinken"])
        #expect(kb.officeHolders(country: "GBR", role: "prime minister", on: "2016-07-13").count == 2)

        let shoigu = try #require(kb.people(named: "Shoigu", on: "2023-07-26").first)
        #expect(shoigu.id == "person:sergei-shoigu")
        #expect(shoigu.country == "RUS")
        #expect(shoigu.roles.first == "Defence Minister")
        #expect(shoigu.end == "2024-05-12")
        let later = try #require(kb.people(named: "Sergei Shoigu", on: "2025").first)
        #expect(later.roles.first == "Security Council Secretary")

        let putin = try #require(kb.people(named: "Putin", on: "2010").first)
        #expect(putin.roles.first == "Prime Minister")
        #expect(kb.people(named: "Putin", on: nil).first?.roles.contains("President") == true)
        let kims = kb.people(named: "Kim", on: "2023")
        #expect(kims.first?.name == "Kim Jong Un")
        #expect(kb.people(named: "Xi", on: "2023").first?.country == "CHN")
        #expect(kb.people(named: "Li", on: "2023").contains { $0.name == "Li Hongzhong" })
        #expect(kb.people(named: "li", on: "2023").isEmpty)
    }

    @Test func citiesWeaponsAndEvents() throws {
        let pyongyang = try #require(kb.entries(named: "Pyongyang").first)
        #expect(pyongyang.id == "city:1871859")
        #expect(pyongyang.type == .gpe)
        #expect(pyongyang.country == "PRK")
        #expect(abs((pyongyang.latitude ?? 0) - 39.03) < 0.1)
        #expect(abs((pyongyang.longitude ?? 0) - 125.75) < 0.1)
        #expect(kb.entries(named: "Kiev").first?.name == "Kyiv")
        #expect(kb.entries(named: "Sao Paulo").first?.name == "São Paulo")
        // Several cities share a name: the most populous comes first.
        #expect(kb.entries(named: "Washington").first { $0.type == .gpe }?.country == "USA")

        #expect(kb.entries(named: "Hwasong-18").first?.type == .weapon)
        #expect(kb.entries(named: "Hwasong").first?.country == "PRK")
        #expect(kb.entries(named: "S-400").first?.id == "weapon:s-400")
        #expect(kb.entries(named: "Tomahawk").first?.country == "USA")
        #expect(kb.entries(named: "Korean War").first?.id == "event:korean-war")
        #expect(kb.entries(named: "The Hague").first?.country == "NLD")
        #expect(kb.entries(named: "Hague").first?.id == "person:william-hague")
        #expect(kb.entries(named: "Strait of Hormuz").first?.type == .loc)
        #expect(kb.entries(named: "Crimea").first?.country == "UKR")
        #expect(kb.entries(named: "G20 summit").first?.type == .event)
        #expect(kb.maxNameWords >= 8)
    }

    @Test func eachEntryIdIsUniqueAndNamed() {
        var ids = Set<String>()
        for entry in kb.allEntries {
            #expect(!entry.name.isEmpty)
            #expect(ids.insert(entry.id).inserted, "duplicate id \(entry.id)")
        }
        #expect(kb.entry(id: "org:nato")?.name == "NATO")
        #expect(kb.entry(id: "city:1871859")?.name == "Pyongyang")
        #expect(kb.entry(id: "city:x") == nil)
    }

    @Test func loadsFast() throws {
        let clock = ContinuousClock()
        var kb: KnowledgeBase?
        let elapsed = try clock.measure { kb = try KnowledgeBase(directory: "en/kb") }
        print("knowledge base: \(kb?.allEntries.count ?? 0) entries loaded in \(elapsed)")
        // Debug builds are several times slower than release; the release figure is in the report.
        #expect(elapsed < .seconds(2))
    }
}
