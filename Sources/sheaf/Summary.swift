import Foundation
import SheafKit

/// The closing lines of a build: what was written, what failed, what was skipped.
struct Summary {
    let report: BuildReport
    let outputDirectory: String
    /// `weekly: ` when the build ran a recipe.
    var label = ""
    let quiet: Bool

    func print() {
        for volume in report.failedVolumes {
            printError("error: \(volume.file): \(volume.error ?? "not written")")
        }
        for copy in report.sideloaded where copy.status == .failed {
            printError("error: \(copy.file): not copied: \(copy.error ?? "unknown error")")
        }
        guard !quiet else { return }
        for skipped in report.skipped {
            printError("skipped: \(skipped.file): \(skipped.reason)")
        }
        let warnings = report.notes.filter { $0.severity != .note }
        for note in warnings {
            printError("warning: \(note.file): \(note.message)")
        }
        let written = report.writtenVolumes.count
        var line = label + "\(written) \(written == 1 ? "book" : "books") written to \(outputDirectory)"
        if !report.unchangedVolumes.isEmpty { line += ", \(report.unchangedVolumes.count) unchanged" }
        if !report.pruned.isEmpty { line += ", \(report.pruned.count) pruned" }
        if !report.sideloaded.isEmpty { line += ", " + sideloaded }
        line += " (\(report.articleCount) articles"
        if !report.skipped.isEmpty { line += ", \(report.skipped.count) files skipped" }
        let held = report.heldExcluded.count
        if held > 0 {
            line += ", \(held) \(held == 1 ? "file" : "files") already in books of this series (--repeat packages "
                + "\(held == 1 ? "it" : "them") again)"
        }
        let others = report.excluded.filter { !$0.reason.hasPrefix(BuildReport.heldReason) }
        if let first = others.first {
            line += ", \(others.count) files left out by the options"
            if report.volumes.isEmpty && held == 0 { line += ", e.g. \(first.file): \(first.reason)" }
        }
        if !report.failedVolumes.isEmpty { line += ", \(report.failedVolumes.count) books failed" }
        let merged = report.notes.count - warnings.count
        if merged > 0 { line += ", \(merged) notes in --report" }
        Swift.print(line + ")")
    }

    /// `2 copied to /media/KOBOeReader, 1 already there, 1 not copied`.
    private var sideloaded: String {
        let count = { (status: Sideload.Copy.Status) in report.sideloaded.filter { $0.status == status }.count }
        let folder = report.sideloaded.first.map { ($0.file as NSString).deletingLastPathComponent } ?? ""
        var text = "\(count(.copied)) copied to \(folder)"
        if count(.unchanged) > 0 { text += ", \(count(.unchanged)) already there" }
        if count(.failed) > 0 { text += ", \(count(.failed)) not copied" }
        return text
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
