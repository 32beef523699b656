import Testing
@testable import SheafKit

@Suite struct NamePatternTests {
    @Test func findsThePlaceholdersOfAPattern() {
        #expect(NamePattern.placeholders(in: "{collection}-{key}.epub") == ["collection", "key"])
        #expect(NamePattern.placeholders(in: "Notes {draft") == [])
        #expect(NamePattern.placeholders(in: "plain") == [])
    }

    @Test func acceptsTheKnownPlaceholdersAndTheWindowOnes() throws {
        try NamePattern.check("{collection} {key} {subtitle}", key: "title", known: NamePattern.title)
        try NamePattern.check("{collection}-{since}--{until}-{first}-{last}.epub", key: "file-name",
                              known: NamePattern.fileName)
    }

    @Test func anUnknownPlaceholderIsNamedWithTheKnownOnes() {
        #expect {
            try NamePattern.check("{collection}-{week}.epub", key: "file-name", known: NamePattern.fileName)
        } throws: { error in
            let reason = (error as? SheafError)?.reason ?? ""
            return reason.contains("file-name: unknown placeholder {week}") && reason.contains("{collection}")
                && reason.contains("{key}")
        }
        #expect(throws: SheafError.self) {
            try NamePattern.check("{subtitle}-{day}.epub", key: "file-name", known: NamePattern.fileName)
        }
    }

    @Test func thePatternsKnowWhatTheNamingFills() {
        #expect(NamePattern.fileName == VolumeNaming.placeholders)
        #expect(NamePattern.title.contains("subtitle") && NamePattern.fileName.contains("subtitle"))
    }

    @Test func theCommandLineChecksPatternsBeforeBuilding() {
        var settings = BuildSettings()
        settings.title = "{collection} {wek}"
        #expect(throws: SheafError.self) { try settings.buildOptions(environment: BuildEnvironment()) }
    }
}
