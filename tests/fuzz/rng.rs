//! A small seedable random source (`SplitMix64`), written out here so that a
//! seed means the same case on every machine and with every version of the
//! dependencies.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low).saturating_add(1))
    }

    /// True once in `n` times on average.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A size up to `max`, small ones far more often than large ones (as
    /// likely 0–9 as 10–99 as 100–999), the spread that finds both the
    /// edge cases and the limits.
    pub fn size(&mut self, max: usize) -> usize {
        let digits = usize::try_from(max.max(1).ilog10() + 1).unwrap_or(1);
        let exponent = u32::try_from(self.below(digits)).unwrap_or(0) + 1;
        let bound = 10usize.saturating_pow(exponent);
        self.below(bound.min(max.saturating_add(1)))
    }

    pub fn u16_below(&mut self, n: u16) -> u16 {
        u16::try_from(self.below(usize::from(n))).unwrap_or(0)
    }

    /// An independent stream, so that what one part of a case draws does
    /// not shift what another draws.
    pub fn fork(&mut self) -> Rng {
        Rng::new(self.next_u64())
    }
}

/// A seed for stream `stream` of the case with seed `seed`.
pub fn mix(seed: u64, stream: u64) -> u64 {
    mix64(seed ^ mix64(stream.wrapping_add(0x632B_E59B_D9B4_E019)))
}

fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
