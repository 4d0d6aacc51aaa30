// Placeholder: replaced by the issue that builds this benchmark.
func benchAlign(_ args: [String]) throws { print("not built yet") }
