//! CPython's `random` generator, exactly: the Mersenne Twister (MT19937) seeded as
//! `random.seed(n)` seeds it, and `randint` as CPython computes it. With it the Rand and
//! Chained examples draw the very numbers the Python originals draw from `random.seed(444)`.

const N: usize = 624;
const M: usize = 397;

pub struct PyRandom {
    state: [u32; N],
    index: usize,
}

impl PyRandom {
    /// `random.seed(seed)` for a non-negative integer: the key is its 32-bit words,
    /// least significant first.
    pub fn seeded(seed: u64) -> Self {
        let low = seed as u32;
        let high = (seed >> 32) as u32;
        let key: &[u32] = if high == 0 { &[low] } else { &[low, high] };
        let mut rng = PyRandom {
            state: [0; N],
            index: N,
        };
        rng.init_by_array(key);
        rng
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.getrandbits(bits)` for 1 ≤ bits ≤ 32.
    pub fn getrandbits(&mut self, bits: u32) -> u32 {
        debug_assert!((1..=32).contains(&bits));
        self.next_u32() >> (32 - bits)
    }

    /// `random.randint(low, high)`: `randrange(low, high + 1)`, which draws
    /// `bit_length(width)` bits until they fall below the width.
    pub fn randint(&mut self, low: u32, high: u32) -> u32 {
        let width = high - low + 1;
        let bits = 32 - width.leading_zeros();
        loop {
            let drawn = self.getrandbits(bits);
            if drawn < width {
                return low + drawn;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Printed by CPython 3.11: [random.randint(0, 10) for _ in range(n)] after random.seed(s).
    #[test]
    fn randint_draws_what_cpython_draws() {
        let cases: [(u64, &[u32]); 3] = [
            (
                444,
                &[4, 4, 0, 4, 7, 4, 4, 8, 10, 7, 8, 4, 7, 1, 6, 9, 3, 9, 7, 10],
            ),
            (0, &[6, 6, 0, 4, 8, 7, 6, 4, 7, 5]),
            ((1 << 40) + 3, &[3, 0, 8, 1, 9, 4, 6, 3, 7, 8]),
        ];
        for (seed, expected) in cases {
            let mut rng = PyRandom::seeded(seed);
            let drawn: Vec<u32> = expected.iter().map(|_| rng.randint(0, 10)).collect();
            assert_eq!(drawn, expected, "seed {seed}");
        }
    }

    #[test]
    fn getrandbits_32_is_the_raw_output() {
        let mut rng = PyRandom::seeded(444);
        let drawn: Vec<u32> = (0..3).map(|_| rng.getrandbits(32)).collect();
        assert_eq!(drawn, [1_326_692_461, 1_236_154_736, 56_854_717]);
    }
}
