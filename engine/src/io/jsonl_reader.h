// JSON Lines caseloads: one household per line, its members in a `members`
// array; an absent key or null is unknown. Parsed with simdjson (On Demand),
// which reads a line faster than hand-written code and validates as it goes.
#ifndef LAYAK_IO_JSONL_READER_H_
#define LAYAK_IO_JSONL_READER_H_

#include <string>
#include <vector>

#include "data/staging.h"
#include "io/csv_reader.h"
#include "io/input_file.h"

namespace layak::io {

// Reads every line of `file` into `staging`.
void ReadJsonl(const InputFile& file, const ReadOptions& options, data::Staging* staging,
               std::vector<std::string>* notes);

}  // namespace layak::io

#endif  // LAYAK_IO_JSONL_READER_H_
