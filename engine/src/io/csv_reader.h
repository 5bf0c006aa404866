// The CSV pair: households.csv (one row per household, the household key
// column) and members.csv (one row per person, a column naming the
// household's key). Header names are schema field names. Quoted fields, CRLF,
// a byte-order mark and the `formats:` dialect are understood.
#ifndef LAYAK_IO_CSV_READER_H_
#define LAYAK_IO_CSV_READER_H_

#include <string>
#include <vector>

#include "data/staging.h"
#include "data/value_parser.h"
#include "io/input_file.h"

namespace layak::io {

// How to read a caseload.
struct ReadOptions {
  data::Formats formats;
  std::string member_household_column = "household_id";
  // Per field: read and validate it. Empty: every field (layak validate).
  std::vector<uint8_t> fields;
  int threads = 1;  // parse blocks of a file in parallel
  // A chunk: only rows in [range_begin, range_end) of the text, the first on
  // line range_line (0: the whole file after its header).
  std::size_t range_begin = 0, range_end = 0;
  uint64_t range_line = 0;
  bool notes = true;  // report ignored and absent columns
};

// Reads one CSV file of `scope` into `staging`. Households must be read
// before members. Notes (ignored columns, absent fields) go to `notes`.
// The file is split at row boundaries into blocks parsed in parallel; rows,
// lines and problems come out exactly as a sequential read gives them.
void ReadCsv(const InputFile& file, pack::Scope scope, const ReadOptions& options, data::Staging* staging,
             std::vector<std::string>* notes);

}  // namespace layak::io

#endif  // LAYAK_IO_CSV_READER_H_
