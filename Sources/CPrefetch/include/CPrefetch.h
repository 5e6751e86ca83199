#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for reading, without waiting for it: the
/// weight tables' lookups issue these for every feature of a decision before reading any, so that their cache
/// misses overlap. A hint only: it never faults, whatever the address.
static inline void dossier_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
