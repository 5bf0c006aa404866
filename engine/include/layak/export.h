// File: layak/export.h
// LAYAK_EXPORT marks the symbols of the public API. The library is built
// static today; the macro keeps shared builds (-fvisibility=hidden) possible.
#ifndef LAYAK_EXPORT_H_
#define LAYAK_EXPORT_H_

#if defined(LAYAK_SHARED_LIBRARY) && defined(__GNUC__)
#define LAYAK_EXPORT __attribute__((visibility("default")))
#else
#define LAYAK_EXPORT
#endif

#endif  // LAYAK_EXPORT_H_
