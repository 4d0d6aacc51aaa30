import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "stats", abstract: "Summarize the corpus and the glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary stats' is not built yet") }
}
