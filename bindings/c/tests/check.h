/* A minimal test harness in C for the C API test: each failed check prints
 * file:line and what it compared, and the run ends with a non-zero exit. */
#ifndef LAYAK_BINDINGS_C_TESTS_CHECK_H_
#define LAYAK_BINDINGS_C_TESTS_CHECK_H_

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layak_c.h"

extern int check_failures;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++check_failures;                                                        \
    }                                                                          \
  } while (0)

/* A call that must return `expected`; on a mismatch prints the last error. */
#define CHECK_STATUS(call, expected)                                                                     \
  do {                                                                                                   \
    layak_status check_s_ = (call);                                                                      \
    if (check_s_ != (expected)) {                                                                        \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s; last error: %s\n", __FILE__, __LINE__, #call, \
              layak_status_name(check_s_), layak_status_name(expected), layak_last_error());             \
      ++check_failures;                                                                                  \
    }                                                                                                    \
  } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, LAYAK_OK)

/* Fatal: the rest of the test needs this call to succeed. */
#define REQUIRE_OK(call)                                                                                     \
  do {                                                                                                       \
    layak_status check_s_ = (call);                                                                          \
    if (check_s_ != LAYAK_OK) {                                                                              \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__, #call, layak_status_name(check_s_), \
              layak_last_error());                                                                           \
      exit(1);                                                                                               \
    }                                                                                                        \
  } while (0)

/* Two strings equal (NULL equals only NULL). */
#define CHECK_STREQ(actual, expected)                                                                      \
  do {                                                                                                     \
    const char* check_a_ = (actual);                                                                       \
    const char* check_e_ = (expected);                                                                     \
    if ((check_a_ == NULL || check_e_ == NULL) ? check_a_ != check_e_ : strcmp(check_a_, check_e_) != 0) { \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,               \
              check_a_ ? check_a_ : "(null)", check_e_ ? check_e_ : "(null)");                             \
      ++check_failures;                                                                                    \
    }                                                                                                      \
  } while (0)

/* `text` holds `part`. */
#define CHECK_CONTAINS(text, part)                                                                          \
  do {                                                                                                      \
    const char* check_t_ = (text);                                                                          \
    if (check_t_ == NULL || strstr(check_t_, (part)) == NULL) {                                             \
      fprintf(stderr, "%s:%d: %s does not contain \"%s\"; it is:\n%s\n", __FILE__, __LINE__, #text, (part), \
              check_t_ ? check_t_ : "(null)");                                                              \
      ++check_failures;                                                                                     \
    }                                                                                                       \
  } while (0)

#define CHECK_INT_EQ(actual, expected)                                                                        \
  do {                                                                                                        \
    long long check_a_ = (long long)(actual);                                                                 \
    long long check_e_ = (long long)(expected);                                                               \
    if (check_a_ != check_e_) {                                                                               \
      fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #actual, check_a_, check_e_); \
      ++check_failures;                                                                                       \
    }                                                                                                         \
  } while (0)

#endif /* LAYAK_BINDINGS_C_TESTS_CHECK_H_ */
