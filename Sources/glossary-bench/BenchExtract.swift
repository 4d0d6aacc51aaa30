// Placeholder: replaced by the issue that builds this benchmark.
func benchExtract(_ args: [String]) throws { print("not built yet") }
