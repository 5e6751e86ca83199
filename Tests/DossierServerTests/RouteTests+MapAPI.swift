import Foundation
import HummingbirdTesting
import Testing

/// What the map and the date range ask of the API: places with their events, events by date, the network and places of
/// a range of dates; and the countries' outlines the page draws.
extension RouteTests {
    /// The most bytes the countries' outlines may take.
    static let worldLimit = 300_000

    @Test func placesHaveCoordinatesAndTheirEvents() async throws {
        try await withClient { client in
            let places = try await rows("/places", client)
            #expect(!places.isEmpty)
            for place in places {
                #expect(["GPE", "LOC"].contains(place["type"] as? String), "\(place)")
                #expect((place["latitude"] as? Double).map { (-90...90).contains($0) } == true, "\(place)")
                #expect((place["longitude"] as? Double).map { (-180...180).contains($0) } == true, "\(place)")
                #expect(place["key"] is String && place["name"] is String)
            }
            let counts = places.compactMap { $0["events"] as? Int }
            #expect(counts.count == places.count && counts == counts.sorted(by: >))
            let ukraine = try #require(places.first { $0["name"] as? String == "Ukraine" })
            #expect((ukraine["events"] as? Int ?? 0) >= 1 && ukraine["here"] is Int, "\(ukraine)")
            #expect(try await rows("/places?limit=1", client).count == 1)
            let later = try await rows("/places?since=2024", client)
            #expect(later.count == places.count && later.allSatisfy { $0["events"] as? Int == 0 && $0["here"] as? Int == 0 })
        }
    }

    @Test(arguments: ["", "code=04&actor=Kim%20Jong%20Un", "since=2023-07-27&until=2023-07-27", "since=2024"])
    func eventDatesCountTheFilteredEvents(filters: String) async throws {
        try await withClient { client in
            let events = try await rows("/events?\(filters)&limit=1000", client)
            let dates = try await rows("/events/dates?\(filters)", client)
            let days = dates.compactMap { $0["date"] as? String }
            #expect(days == days.sorted() && Set(days).count == days.count)
            #expect(dates.dropLast().allSatisfy { $0["date"] is String }, "the events with no date come last")
            #expect(dates.compactMap { $0["events"] as? Int }.reduce(0, +) == events.count)
        }
    }

    @Test func theNetworkTakesARangeOfDates() async throws {
        try await withClient { client in
            let all = try await rows("/network", client)
            #expect(!all.isEmpty)
            #expect(try await rows("/network?since=2023-07&until=2023-07", client).count == all.count)
            #expect(try await rows("/network?since=2024", client).isEmpty)
            #expect(try await rows("/network?until=2022-12-31", client).isEmpty)
        }
    }

    @Test func theWorldIsCompactJSONOfCountries() throws {
        let file = Self.webFolder.appendingPathComponent("world.json")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.count < Self.worldLimit)
        let world = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect((world["source"] as? String)?.contains("Natural Earth") == true)
        let countries = try #require(world["countries"] as? [[String: Any]])
        #expect(countries.count > 150)
        for country in countries {
            let rings = try #require(country["rings"] as? [[Double]], "\(country["name"] ?? "?")")
            #expect(country["name"] is String && !rings.isEmpty)
            for ring in rings {
                #expect(ring.count >= 6 && ring.count.isMultiple(of: 2))
                let longitudes = stride(from: 0, to: ring.count, by: 2).map { ring[$0] }
                let latitudes = stride(from: 1, to: ring.count, by: 2).map { ring[$0] }
                #expect(longitudes.allSatisfy { (-180...180).contains($0) } && latitudes.allSatisfy { (-90...90).contains($0) })
            }
        }
        #expect(countries.contains { $0["iso"] as? String == "KP" })
    }
}
