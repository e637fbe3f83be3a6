/**
 * Demo data for Pasar: categories, users and 240 listings, as pure data.
 *
 * `buildDemoData(seed)` is deterministic (own mulberry32 PRNG, no I/O, no
 * Math.random): the same seed always yields the same object graph. The
 * database insert code lives elsewhere; this module only describes *what*
 * to insert. Photos are described by {@link DemoPhotoSpec} and rendered
 * locally by `renderDemoPhoto` in `demo-photos.ts`.
 */

export interface DemoCategory {
  slug: string;
  /** Indonesian display name. */
  name: string;
  nameEn: string;
  /** Integer barter base points for the category. */
  basePoints: number;
}

export interface DemoUser {
  email: string;
  displayName: string;
  /** E.164, e.g. `+6281234567890`. */
  phone: string;
  /** Kemendagri city code, e.g. `32.73`. */
  cityCode: string;
  role: 'MEMBER' | 'STAFF' | 'ADMIN';
}

export interface DemoListing {
  sellerEmail: string;
  kind: 'SALE' | 'BARTER' | 'SERVICE';
  categorySlug: string;
  title: string;
  description: string;
  condition: 'NEW' | 'LIKE_NEW' | 'GOOD' | 'FAIR' | 'POOR';
  cityCode: string;
  /** Present only for `SALE`. Money in whole rupiah. */
  sale?: {
    price: number;
    stock: number;
    weightGrams: number;
    lengthCm: number;
    widthCm: number;
    heightCm: number;
    brand?: string;
    model?: string;
  };
  /** Present only for `BARTER`. Integers 1..5. */
  barter?: { utility: number; scarcity: number; durability: number; portability: number };
  /** Present only for `SERVICE`. Whole rupiah per hour. */
  service?: { hourlyRate: number };
  /** 1..3 photos. */
  photos: DemoPhotoSpec[];
  /** Days before "now" the listing was created, 0..60. */
  ageDays: number;
}

/** Recipe for one generated placeholder photo. */
export interface DemoPhotoSpec {
  /** 1-3 words drawn on the image. */
  label: string;
  /** 0..359 */
  hue: number;
  motif: 'box' | 'circle' | 'stripes' | 'dots' | 'wave';
}

export interface DemoData {
  categories: DemoCategory[];
  users: DemoUser[];
  listings: DemoListing[];
}

export const DEMO_PASSWORD = 'pasar-demo-2026';
export const DEMO_ADMIN_EMAIL = 'admin@pasar.test';
export const DEMO_MUSIC_STORE_EMAIL = 'toko.harmoni@pasar.test';
export const DEMO_LISTING_COUNT = 240;

type Condition = DemoListing['condition'];
type Motif = DemoPhotoSpec['motif'];
type Factors = [utility: number, scarcity: number, durability: number, portability: number];

/* ------------------------------------------------------------------ cities */

interface DemoCity {
  code: string;
  /** Short name used in text ("Bandung", "Jakarta Selatan"). */
  name: string;
  /** A well-known COD meeting spot. */
  place: string;
  /** Tourist spots for guide services. */
  spots: string[];
}

const CITIES: DemoCity[] = [
  { code: '32.73', name: 'Bandung', place: 'Dago', spots: ['Kawah Putih', 'Lembang', 'Jalan Braga', 'Tangkuban Perahu'] },
  { code: '31.74', name: 'Jakarta Selatan', place: 'Blok M', spots: ['Kota Tua', 'Monas', 'Kebun Binatang Ragunan', 'Setu Babakan'] },
  { code: '35.78', name: 'Surabaya', place: 'Tunjungan Plaza', spots: ['Kota Lama Surabaya', 'House of Sampoerna', 'Jembatan Suramadu'] },
  { code: '34.71', name: 'Yogyakarta', place: 'Malioboro', spots: ['Borobudur', 'Prambanan', 'Malioboro', 'Keraton Yogyakarta'] },
  { code: '12.71', name: 'Medan', place: 'Lapangan Merdeka', spots: ['Danau Toba', 'Berastagi', 'Istana Maimun'] },
  { code: '73.71', name: 'Makassar', place: 'Pantai Losari', spots: ['Rammang-Rammang', 'Fort Rotterdam', 'Pantai Losari'] },
  { code: '51.71', name: 'Denpasar', place: 'Lapangan Renon', spots: ['Ubud', 'Uluwatu', 'Tanah Lot', 'Sanur'] },
  { code: '33.74', name: 'Semarang', place: 'Simpang Lima', spots: ['Lawang Sewu', 'Kota Lama Semarang', 'Sam Poo Kong'] },
  { code: '35.73', name: 'Malang', place: 'Alun-alun Malang', spots: ['Bromo', 'Kota Batu', 'Kampung Warna-Warni Jodipan'] },
  { code: '32.71', name: 'Bogor', place: 'Botani Square', spots: ['Kebun Raya Bogor', 'Puncak', 'Curug Leuwi Hejo'] },
  { code: '32.76', name: 'Depok', place: 'Margonda', spots: ['Situ UI', 'Hutan Kota Depok'] },
  { code: '16.71', name: 'Palembang', place: 'Jembatan Ampera', spots: ['Jembatan Ampera', 'Pulau Kemaro', 'Bukit Siguntang'] },
  { code: '64.71', name: 'Balikpapan', place: 'Pantai Kemala', spots: ['Pantai Kemala', 'Hutan Mangrove Margomulyo', 'Samboja Lestari'] },
  { code: '71.71', name: 'Manado', place: 'Megamas', spots: ['Bunaken', 'Bukit Kasih', 'Danau Tondano'] },
  { code: '33.72', name: 'Solo', place: 'Stadion Manahan', spots: ['Keraton Surakarta', 'Kampung Batik Laweyan', 'Pasar Gede'] },
  { code: '61.71', name: 'Pontianak', place: 'Tugu Khatulistiwa', spots: ['Tugu Khatulistiwa', 'Keraton Kadriah', 'Sungai Kapuas'] },
];

/** Kemendagri codes of every city used by the demo users and listings. */
export const DEMO_CITY_CODES: string[] = CITIES.map((c) => c.code);

const cityByCode = new Map(CITIES.map((c) => [c.code, c]));

/* ------------------------------------------------------------------- users */

const ADMIN: DemoUser = { email: DEMO_ADMIN_EMAIL, displayName: 'Admin Pasar', phone: '', cityCode: '31.74', role: 'ADMIN' };
const STAFF: DemoUser = {
  email: 'yohana.simanjuntak@pasar.test',
  displayName: 'Yohana Simanjuntak',
  phone: '',
  cityCode: '31.74',
  role: 'STAFF',
};

/** [email local part, display name, city code] */
const MEMBERS: [string, string, string][] = [
  ['siti.rahma', 'Siti Rahmawati', '34.71'],
  ['budi.santoso', 'Budi Santoso', '33.74'],
  ['agus.wibowo', 'Agus Wibowo', '33.72'],
  ['dewi.kartika', 'Dewi Kartikasari', '35.73'],
  ['bambang.susilo', 'Bambang Susilo', '35.73'],
  ['asep.sunandar', 'Asep Sunandar', '32.73'],
  ['yudi.permana', 'Yudi Permana', '32.73'],
  ['euis.nurhayati', 'Euis Nurhayati', '32.71'],
  ['dadang.hidayat', 'Dadang Hidayat', '32.76'],
  ['rina.marlina', 'Rina Marlina', '32.76'],
  ['rizky.pratama', 'Rizky Pratama', '31.74'],
  ['togar.sitompul', 'Togar Sitompul', '12.71'],
  ['rosmawati.siregar', 'Rosmawati Siregar', '12.71'],
  ['hotman.nainggolan', 'Hotman Nainggolan', '31.74'],
  ['rahmat.chaniago', 'Rahmat Chaniago', '16.71'],
  ['nur.fadilah', 'Nur Fadilah', '16.71'],
  ['fitri.koto', 'Fitri Yulia Koto', '35.78'],
  ['andi.tenri', 'Andi Tenri Ajeng', '73.71'],
  ['baso.amiruddin', 'Baso Amiruddin', '73.71'],
  ['andi.fadli', 'Andi Muhammad Fadli', '64.71'],
  ['wahyu.nugroho', 'Wahyu Nugroho', '64.71'],
  ['made.suarjana', 'I Made Suarjana', '51.71'],
  ['luh.ayu', 'Ni Luh Putu Ayu Lestari', '51.71'],
  ['ketut.wirawan', 'I Ketut Wirawan', '51.71'],
  ['hendra.gunawan', 'Hendra Gunawan', '35.78'],
  ['yenny.halim', 'Yenny Halim', '33.74'],
  ['kevin.tanoto', 'Kevin Tanoto', '12.71'],
  ['linda.wijaya', 'Linda Wijaya', '61.71'],
  ['stefanus.lim', 'Stefanus Lim', '61.71'],
  ['grace.rumondor', 'Grace Rumondor', '71.71'],
  ['jefry.mandagi', 'Jefry Mandagi', '71.71'],
];

const MUSIC_STORE: [string, string, string] = ['toko.harmoni', 'Toko Musik Harmoni Bandung', '32.73'];

/* -------------------------------------------------------------- categories */

interface Product {
  /** As written mid-sentence: common nouns lower-case ("sepeda lipat Polygon Urbano 3"). */
  name: string;
  brand?: string;
  model?: string;
  /** Typical second-hand price range in rupiah (GOOD condition). */
  min: number;
  max: number;
  grams: number;
  dims: [number, number, number];
  /** Optional variants appended to the title (sizes, specs). */
  extras?: string[];
}

interface CategoryDef extends DemoCategory {
  hue: number;
  factors: Factors;
  /** Whether `POOR` condition makes sense (otherwise downgraded to FAIR). */
  allowPoor: boolean;
  products: Product[];
  /** Category-specific description sentences. */
  notes: string[];
}

/** Product shorthand; prices in thousands of rupiah. */
function p(
  name: string,
  brand: string,
  model: string,
  minK: number,
  maxK: number,
  grams: number,
  dims: [number, number, number],
  extras?: string[],
): Product {
  return { name, brand: brand || undefined, model: model || undefined, min: minK * 1000, max: maxK * 1000, grams, dims, extras };
}

const SIZES_TOP = [' size M', ' size L', ' size XL', ' ukuran L'];
const SIZES_SHOE = [' size 40', ' size 41', ' size 42', ' size 43', ' uk 44'];
const SIZES_SHOE_W = [' size 37', ' size 38', ' size 39'];
const PHONE_X = [' fullset', ' batangan', ' fullset dus', ' garansi resmi', ' ex inter'];

const GOODS: CategoryDef[] = [
  {
    slug: 'elektronik', name: 'Elektronik', nameEn: 'Electronics', basePoints: 800, hue: 210, factors: [4, 2, 4, 3], allowPoor: true,
    notes: ['Sudah dites, semua fungsi normal.', 'Kelengkapan: unit, kabel power, dus, dan nota pembelian.', 'Garansi toko sudah habis, tapi belum pernah diservis.'],
    products: [
      p('TV LED Samsung 32 inch UA32T4500', 'Samsung', 'UA32T4500', 1500, 2300, 6500, [80, 12, 52]),
      p('speaker bluetooth JBL Flip 5', 'JBL', 'Flip 5', 800, 1300, 600, [20, 9, 9]),
      p('headphone Sony WH-1000XM4', 'Sony', 'WH-1000XM4', 2200, 3200, 600, [22, 19, 8]),
      p('smartband Xiaomi Mi Band 7', 'Xiaomi', 'Mi Band 7', 300, 450, 150, [12, 8, 5]),
      p('PS4 Slim 500GB', 'Sony', 'PlayStation 4 Slim', 2800, 3800, 3500, [40, 32, 10], [' + 2 stik', ' + 5 kaset', ' CFW']),
      p('Nintendo Switch OLED', 'Nintendo', 'Switch OLED', 3800, 4800, 1200, [30, 15, 10], [' + 3 game', ' fullset']),
      p('TWS Samsung Galaxy Buds2', 'Samsung', 'Galaxy Buds2', 650, 1000, 200, [10, 10, 5]),
      p('proyektor mini Wanbo T2 Max', 'Wanbo', 'T2 Max', 900, 1400, 1500, [25, 20, 12]),
      p('speaker aktif Polytron PAS 8E12', 'Polytron', 'PAS 8E12', 1200, 1800, 15000, [35, 30, 50]),
      p('Xbox Series S 512GB', 'Microsoft', 'Xbox Series S', 3800, 4800, 3000, [30, 16, 7]),
      p('router WiFi TP-Link Archer C6', 'TP-Link', 'Archer C6', 300, 450, 700, [25, 18, 6]),
      p('power bank Anker PowerCore 20000', 'Anker', 'PowerCore 20000', 300, 450, 400, [16, 8, 3]),
    ],
  },
  {
    slug: 'handphone-tablet', name: 'Handphone & Tablet', nameEn: 'Phones & Tablets', basePoints: 1200, hue: 255, factors: [5, 2, 3, 5], allowPoor: true,
    notes: ['IMEI terdaftar resmi, aman dipakai kartu apa saja.', 'Battery health masih di atas 85%.', 'Sudah pakai tempered glass dan softcase sejak beli.', 'Face ID / fingerprint normal, tidak pernah bongkar.'],
    products: [
      p('iPhone 11 64GB', 'Apple', 'iPhone 11', 3600, 4600, 450, [18, 10, 6], [...PHONE_X, ' ex iBox']),
      p('iPhone XR 128GB', 'Apple', 'iPhone XR', 2800, 3500, 450, [18, 10, 6], PHONE_X),
      p('Samsung Galaxy A54 5G 8/256', 'Samsung', 'Galaxy A54 5G', 3300, 4300, 450, [18, 10, 6], PHONE_X),
      p('Samsung Galaxy S21 FE 5G', 'Samsung', 'Galaxy S21 FE', 3500, 4800, 450, [18, 10, 6], PHONE_X),
      p('Xiaomi Redmi Note 12 6/128', 'Xiaomi', 'Redmi Note 12', 1700, 2300, 400, [18, 10, 6], PHONE_X),
      p('Poco X5 Pro 5G 8/256', 'Xiaomi', 'Poco X5 Pro', 2600, 3300, 400, [18, 10, 6], PHONE_X),
      p('Oppo Reno 8 5G', 'Oppo', 'Reno 8', 3000, 4000, 400, [18, 10, 6], PHONE_X),
      p('Vivo Y36 8/256', 'Vivo', 'Y36', 1900, 2500, 400, [18, 10, 6], PHONE_X),
      p('Realme C55 6/128', 'Realme', 'C55', 1500, 1900, 400, [18, 10, 6], PHONE_X),
      p('iPad 9 64GB WiFi', 'Apple', 'iPad Gen 9', 3800, 4600, 900, [28, 20, 5], [' + pencil', ' fullset', ' mulus no dent']),
      p('Samsung Galaxy Tab A8', 'Samsung', 'Galaxy Tab A8', 1900, 2500, 900, [28, 20, 5]),
      p('Xiaomi Pad 6 8/256', 'Xiaomi', 'Pad 6', 3900, 4800, 900, [28, 20, 5], [' + keyboard', ' fullset']),
      p('Infinix Note 30 8/256', 'Infinix', 'Note 30', 1500, 1900, 400, [18, 10, 6], PHONE_X),
    ],
  },
  {
    slug: 'komputer-laptop', name: 'Komputer & Laptop', nameEn: 'Computers & Laptops', basePoints: 1500, hue: 195, factors: [5, 2, 3, 3], allowPoor: true,
    notes: ['Windows original, sudah diinstal ulang bersih.', 'Baterai masih awet sekitar 3-4 jam pemakaian normal.', 'Cocok untuk kerja kantoran dan kuliah.', 'Silakan dites dulu sepuasnya waktu COD.'],
    products: [
      p('laptop Lenovo ThinkPad T480 i5', 'Lenovo', 'ThinkPad T480', 3500, 4800, 2500, [40, 30, 8], [' RAM 16GB', ' SSD 512', ' RAM 8GB']),
      p('laptop ASUS VivoBook 14 A416', 'ASUS', 'VivoBook 14 A416', 3800, 5000, 2200, [40, 30, 8]),
      p('MacBook Air M1 2020 8/256', 'Apple', 'MacBook Air M1', 8000, 10500, 2000, [38, 27, 7], [' cycle count rendah', ' ex iBox', ' fullset']),
      p('laptop Acer Aspire 5 A514', 'Acer', 'Aspire 5 A514', 4500, 6000, 2300, [40, 30, 8]),
      p('laptop HP Pavilion 14 Ryzen 5', 'HP', 'Pavilion 14', 5000, 6500, 2200, [40, 30, 8]),
      p('monitor LG 24MK600 24 inch', 'LG', '24MK600', 1100, 1500, 5000, [60, 20, 40]),
      p('keyboard mechanical Keychron K2', 'Keychron', 'K2', 800, 1100, 900, [35, 15, 6], [' brown switch', ' red switch']),
      p('mouse Logitech MX Master 3', 'Logitech', 'MX Master 3', 900, 1200, 300, [15, 10, 6]),
      p('PC rakitan Ryzen 5 3600 + GTX 1660 Super', '', '', 5500, 7500, 9000, [45, 22, 45]),
      p('printer Epson L3110', 'Epson', 'L3110', 1300, 1800, 4500, [45, 35, 20]),
      p('SSD Samsung 870 EVO 500GB', 'Samsung', '870 EVO', 600, 800, 100, [12, 8, 2]),
      p('laptop gaming ASUS TUF F15', 'ASUS', 'TUF Gaming F15', 8500, 11000, 3000, [42, 30, 8], [' RTX 3050', ' i7 RAM 16GB']),
    ],
  },
  {
    slug: 'kamera-foto', name: 'Kamera & Fotografi', nameEn: 'Cameras & Photography', basePoints: 1300, hue: 20, factors: [4, 3, 3, 4], allowPoor: true,
    notes: ['Shutter count masih rendah, sensor bersih tanpa jamur.', 'Lensa bening, no jamur no baret.', 'Bonus tas kamera dan memori 32GB.', 'Cocok untuk pemula yang mau belajar fotografi.'],
    products: [
      p('kamera Canon EOS M10 + lensa kit', 'Canon', 'EOS M10', 2800, 3600, 700, [20, 15, 12]),
      p('kamera Sony A6000 + lensa kit 16-50', 'Sony', 'Alpha a6000', 4500, 5500, 700, [20, 15, 12]),
      p('kamera mirrorless Fujifilm X-A3', 'Fujifilm', 'X-A3', 3500, 4500, 700, [20, 15, 12]),
      p('kamera DSLR Canon EOS 600D body only', 'Canon', 'EOS 600D', 2300, 3000, 900, [22, 16, 12]),
      p('kamera Nikon D3200 + lensa 18-55', 'Nikon', 'D3200', 2400, 3200, 1000, [22, 16, 14]),
      p('kamera analog Canon AE-1 Program', 'Canon', 'AE-1 Program', 2200, 3500, 800, [20, 14, 12]),
      p('kamera instan Fujifilm Instax Mini 11', 'Fujifilm', 'Instax Mini 11', 650, 900, 500, [15, 12, 8]),
      p('action cam GoPro Hero 9 Black', 'GoPro', 'Hero 9 Black', 3000, 4000, 400, [12, 10, 8]),
      p('lensa Yongnuo 50mm f1.8 untuk Canon', 'Yongnuo', 'YN 50mm f/1.8', 700, 950, 300, [10, 8, 8]),
      p('lensa Sony FE 50mm f1.8', 'Sony', 'FE 50mm f/1.8', 1500, 2000, 300, [10, 8, 8]),
      p('tripod Takara Eco-173A', 'Takara', 'Eco-173A', 150, 250, 1200, [60, 10, 10]),
      p('drone DJI Mini 2', 'DJI', 'Mini 2', 4500, 5800, 900, [25, 20, 10], [' fly more combo', ' + 3 baterai']),
      p('gimbal DJI OM 5', 'DJI', 'OM 5', 900, 1200, 500, [20, 10, 8]),
    ],
  },
  {
    slug: 'fashion-pria', name: 'Fashion Pria', nameEn: "Men's Fashion", basePoints: 150, hue: 30, factors: [3, 2, 3, 5], allowPoor: false,
    notes: ['Original, bukan KW, bisa dicek tag dan labelnya.', 'Sudah dicuci bersih dan disetrika.', 'Salah beli ukuran, jadi dilepas.', 'Lingkar dada dan panjang bisa ditanyakan via chat.'],
    products: [
      p('kemeja flanel Uniqlo', 'Uniqlo', 'Flannel Shirt', 120, 220, 300, [30, 25, 3], SIZES_TOP),
      p("jaket denim Levi's Trucker", "Levi's", 'Trucker Jacket', 350, 650, 900, [35, 30, 5], SIZES_TOP),
      p('sepatu Nike Air Jordan 1 Mid', 'Nike', 'Air Jordan 1 Mid', 1200, 1900, 1200, [33, 22, 12], SIZES_SHOE),
      p('sepatu Adidas Samba OG', 'Adidas', 'Samba OG', 1100, 1600, 1000, [33, 22, 12], SIZES_SHOE),
      p('sepatu Ventela Public High', 'Ventela', 'Public High', 180, 280, 900, [33, 22, 12], SIZES_SHOE),
      p('kaos Erigo oversize', 'Erigo', 'Oversize Tee', 75, 130, 250, [30, 25, 2], SIZES_TOP),
      p('celana chino Uniqlo slim fit', 'Uniqlo', 'Slim Fit Chino', 150, 250, 500, [35, 25, 3], [' size 30', ' size 32', ' size 33']),
      p('kemeja batik Danar Hadi lengan panjang', 'Danar Hadi', '', 250, 450, 350, [30, 25, 3], SIZES_TOP),
      p('jam tangan Casio G-Shock GA-2100', 'Casio', 'G-Shock GA-2100', 900, 1400, 300, [12, 10, 8]),
      p('tas selempang Eiger', 'Eiger', '', 150, 280, 400, [25, 18, 8]),
      p('jaket bomber Erigo', 'Erigo', 'Bomber', 150, 250, 800, [35, 30, 5], SIZES_TOP),
      p('sepatu Compass Gazelle Low', 'Compass', 'Gazelle Low', 350, 550, 900, [33, 22, 12], SIZES_SHOE),
    ],
  },
  {
    slug: 'fashion-wanita', name: 'Fashion Wanita', nameEn: "Women's Fashion", basePoints: 150, hue: 330, factors: [3, 2, 3, 5], allowPoor: false,
    notes: ['Original, ada dustbag dan kartu garansinya.', 'Bahan adem dan jatuh, cocok untuk kerja atau kondangan.', 'Baru dipakai sekali untuk acara keluarga.', 'Warna asli sesuai foto, tanpa filter.'],
    products: [
      p('tas Charles & Keith', 'Charles & Keith', '', 350, 650, 700, [30, 20, 12], [' warna hitam', ' warna cream', ' warna coklat']),
      p('gamis Zoya', 'Zoya', '', 180, 300, 500, [35, 25, 4], [' size M', ' size L', ' all size']),
      p('hijab Buttonscarves voal', 'Buttonscarves', 'Voal', 250, 450, 150, [25, 20, 2]),
      p('dress Zara midi', 'Zara', 'Midi Dress', 200, 350, 400, [30, 25, 3], [' size S', ' size M']),
      p('flat shoes Vincci', 'Vincci', '', 120, 200, 600, [28, 18, 10], SIZES_SHOE_W),
      p('tas Longchamp Le Pliage', 'Longchamp', 'Le Pliage', 700, 1200, 400, [30, 25, 5], [' large', ' medium']),
      p('blouse H&M', 'H&M', '', 80, 150, 250, [30, 25, 2], [' size S', ' size M', ' size L']),
      p('kebaya brokat modern', '', '', 250, 450, 500, [35, 25, 4], [' warna sage', ' warna dusty pink', ' warna navy']),
      p('sepatu Converse Chuck 70', 'Converse', 'Chuck 70', 500, 800, 900, [30, 20, 12], SIZES_SHOE_W),
      p('jam tangan Daniel Wellington Petite', 'Daniel Wellington', 'Petite', 700, 1100, 200, [12, 10, 8]),
      p('rok plisket', '', '', 75, 120, 300, [30, 25, 3], [' warna mocca', ' warna hitam', ' warna army']),
    ],
  },
  {
    slug: 'rumah-tangga', name: 'Rumah Tangga', nameEn: 'Home & Living', basePoints: 250, hue: 90, factors: [4, 2, 4, 2], allowPoor: true,
    notes: ['Masih berfungsi normal, sudah dicoba sebelum foto.', 'Dijual karena dapat dobel waktu nikahan.', 'Dus dan buku manual masih ada.', 'Barang besar, lebih baik ambil sendiri atau pakai ojek online mobil.'],
    products: [
      p('rice cooker Miyako MCM-508', 'Miyako', 'MCM-508', 150, 250, 3000, [30, 30, 28]),
      p('air fryer Philips HD9252', 'Philips', 'HD9252', 700, 1100, 5000, [35, 30, 30]),
      p('blender Philips HR2115', 'Philips', 'HR2115', 350, 500, 2500, [25, 20, 40]),
      p('kipas angin Cosmos 16-XDC', 'Cosmos', '16-XDC', 200, 350, 4000, [45, 35, 20]),
      p('dispenser Sanken HWD-760', 'Sanken', 'HWD-760', 600, 900, 9000, [35, 35, 100]),
      p('kompor gas Rinnai 2 tungku RI-522C', 'Rinnai', 'RI-522C', 250, 400, 5000, [70, 40, 12]),
      p('lemari plastik Napolly 4 susun', 'Napolly', '', 200, 350, 6000, [50, 45, 110]),
      p('set panci Maxim Valentino', 'Maxim', 'Valentino', 250, 400, 4000, [40, 30, 25]),
      p('vacuum cleaner Xiaomi Dreame V9', 'Xiaomi', 'Dreame V9', 1000, 1500, 3000, [60, 25, 20]),
      p('mesin cuci Sharp 2 tabung 8kg', 'Sharp', '', 900, 1400, 25000, [80, 50, 95]),
      p('kulkas 1 pintu Polytron Belleza', 'Polytron', 'Belleza', 1200, 1800, 32000, [55, 55, 120]),
      p('setrika Philips GC1905', 'Philips', 'GC1905', 120, 200, 1200, [28, 12, 14]),
      p('sofa bed minimalis 2 dudukan', '', '', 900, 1600, 30000, [160, 80, 75]),
      p('set toples Tupperware', 'Tupperware', '', 150, 300, 1500, [30, 20, 20]),
    ],
  },
  {
    slug: 'hobi-koleksi', name: 'Hobi & Koleksi', nameEn: 'Hobbies & Collectibles', basePoints: 300, hue: 45, factors: [2, 4, 4, 4], allowPoor: false,
    notes: ['Koleksi pribadi, selalu disimpan di lemari kaca.', 'Untuk kolektor serius, barang sudah langka.', 'Lagi kurangi koleksi karena tempat sudah penuh.', 'Packing aman pakai bubble wrap tebal.'],
    products: [
      p('Gunpla RG Nu Gundam', 'Bandai', 'RG Nu Gundam', 400, 700, 800, [30, 20, 10], [' sudah rakit', ' masih segel']),
      p('diecast Hot Wheels Premium', 'Hot Wheels', 'Premium', 150, 350, 300, [20, 12, 6], [' 5 pcs', ' 10 pcs', ' satu set']),
      p('album perangko lama Indonesia', '', '', 300, 900, 1000, [30, 25, 4], [' tahun 70-an', ' tahun 80-an']),
      p('uang kuno seri Soekarno 1960', '', '', 250, 600, 100, [20, 12, 2], [' satu set', ' lengkap']),
      p('piringan hitam Koes Plus', '', '', 350, 800, 300, [32, 32, 1]),
      p('kaset pita Dewa 19 Bintang Lima', '', '', 80, 200, 100, [11, 7, 2]),
      p('binder kartu Pokemon TCG', 'Pokemon', '', 300, 800, 800, [30, 25, 5]),
      p('Funko Pop Naruto', 'Funko', 'Pop Naruto', 180, 300, 300, [17, 12, 10]),
      p('Tamiya Mini 4WD Avante Mk.III', 'Tamiya', 'Avante Mk.III', 150, 280, 200, [18, 8, 6]),
      p('radio tabung Philips antik', 'Philips', '', 600, 1500, 6000, [45, 25, 30]),
      p('batu akik bacan doko asli Halmahera', '', '', 200, 600, 100, [8, 8, 5]),
      p('mesin ketik Brother jadul', 'Brother', '', 400, 800, 6000, [40, 35, 15]),
    ],
  },
  {
    slug: 'olahraga', name: 'Olahraga', nameEn: 'Sports', basePoints: 400, hue: 120, factors: [4, 2, 4, 3], allowPoor: false,
    notes: ['Dipakai beberapa kali saja, lalu sibuk kerja.', 'Original, beli di toko resmi.', 'Cocok buat yang baru mulai rutin olahraga.', 'Bisa dicoba dulu waktu ketemuan.'],
    products: [
      p('raket badminton Yonex Astrox 88D', 'Yonex', 'Astrox 88D', 900, 1600, 300, [68, 23, 3], [' 4U', ' 3U']),
      p('raket Li-Ning Windstorm 72', 'Li-Ning', 'Windstorm 72', 450, 700, 250, [68, 23, 3]),
      p('sepatu lari Nike Pegasus 39', 'Nike', 'Pegasus 39', 700, 1100, 900, [33, 22, 12], SIZES_SHOE),
      p('sepatu futsal Specs Accelerator', 'Specs', 'Accelerator', 250, 400, 800, [33, 22, 12], SIZES_SHOE),
      p('bola basket Molten GG7X', 'Molten', 'GG7X', 400, 650, 700, [25, 25, 25]),
      p('dumbbell set 20 kg', '', '', 250, 400, 20000, [40, 20, 20]),
      p('matras yoga Decathlon Kimjaly 8mm', 'Decathlon', 'Kimjaly', 120, 220, 1200, [62, 15, 15]),
      p('driver golf Callaway Big Bertha', 'Callaway', 'Big Bertha', 1200, 2200, 800, [115, 15, 15]),
      p('sarung tinju Everlast 12oz', 'Everlast', '12oz', 250, 450, 900, [30, 20, 15]),
      p('tenda camping Eiger kapasitas 4 orang', 'Eiger', '', 600, 1000, 3500, [55, 20, 20]),
      p('carrier Consina Tarebbi 60L', 'Consina', 'Tarebbi 60L', 450, 700, 1800, [70, 35, 25]),
      p('jersey Timnas Indonesia Erspo original', 'Erspo', 'Timnas 2024', 350, 550, 250, [30, 25, 2], SIZES_TOP),
      p("papan surfing 7'2 soft top", '', '', 2500, 4500, 5000, [220, 55, 8]),
    ],
  },
  {
    slug: 'buku', name: 'Buku', nameEn: 'Books', basePoints: 60, hue: 55, factors: [3, 3, 3, 5], allowPoor: false,
    notes: ['Kertas masih bagus, tidak ada coretan.', 'Sampul sedikit menguning karena usia, isi lengkap.', 'Buku original, bukan bajakan.', 'Bisa ambil banyak, harga lebih murah.'],
    products: [
      p('novel Laskar Pelangi Andrea Hirata', 'Bentang Pustaka', '', 40, 70, 400, [21, 14, 3]),
      p('novel Bumi Manusia Pramoedya Ananta Toer', 'Lentera Dipantara', '', 60, 110, 500, [21, 14, 3], [' cetakan lama', ' ori']),
      p('buku Filosofi Teras Henry Manampiring', 'Kompas', '', 55, 85, 400, [21, 14, 2]),
      p('komik One Piece vol 1-20', 'Elex Media', '', 300, 500, 3000, [20, 15, 25]),
      p('buku Atomic Habits edisi Indonesia', 'Gramedia', '', 60, 95, 400, [21, 14, 2]),
      p('novel Cantik Itu Luka Eka Kurniawan', 'Gramedia', '', 60, 100, 500, [21, 14, 3]),
      p('buku latihan soal UTBK SNBT', '', '', 60, 110, 800, [28, 20, 3], [' 2025', ' lengkap pembahasan']),
      p('ensiklopedia anak 10 jilid', '', '', 250, 450, 6000, [30, 22, 25]),
      p('buku resep masakan Nusantara Sisca Soewitomo', 'Gramedia', '', 50, 90, 600, [25, 20, 2]),
      p('novel Dilan 1990 Pidi Baiq', 'Pastel Books', '', 35, 60, 300, [20, 14, 2]),
      p('buku Sapiens Yuval Noah Harari terjemahan', 'KPG', '', 90, 140, 700, [23, 15, 4]),
      p('komik Naruto lengkap vol 1-72', 'Elex Media', '', 1200, 2000, 12000, [40, 30, 20]),
      p('novel Pulang Leila S. Chudori', 'KPG', '', 50, 90, 450, [21, 14, 3]),
    ],
  },
  {
    slug: 'otomotif', name: 'Otomotif', nameEn: 'Automotive', basePoints: 700, hue: 0, factors: [4, 3, 4, 2], allowPoor: true,
    notes: ['Copotan motor pribadi, jarang dipakai harian.', 'Pemasangan plug and play, tanpa potong kabel.', 'Bisa bantu pasang kalau ketemuan di bengkel langganan.', 'Barang original, bukan KW.'],
    products: [
      p('helm KYT NF-R full face', 'KYT', 'NF-R', 450, 750, 1600, [35, 30, 30], [' size L', ' size XL']),
      p('helm INK Centro', 'INK', 'Centro', 250, 400, 1400, [35, 30, 30], [' size M', ' size L']),
      p('velg RCB SP522 ring 14 Vario', 'RCB', 'SP522', 900, 1400, 6000, [50, 50, 15]),
      p('knalpot R9 Misano untuk NMAX', 'R9', 'Misano', 900, 1500, 4000, [70, 25, 20]),
      p('ban Michelin Pilot Street 90/80-14', 'Michelin', 'Pilot Street', 200, 320, 2500, [50, 50, 10]),
      p('aki motor GS Astra GTZ5S', 'GS Astra', 'GTZ5S', 150, 250, 2000, [12, 8, 10]),
      p('jok custom Vario 150', '', '', 150, 300, 2500, [70, 30, 15]),
      p('dashcam 70mai A500S', '70mai', 'A500S', 800, 1200, 300, [12, 8, 6]),
      p('head unit Android 9 inch 2/32', '', '', 800, 1300, 1500, [25, 15, 10]),
      p('box motor Givi E43', 'Givi', 'E43', 700, 1100, 4500, [55, 45, 30]),
      p('jas hujan Axio Europe', 'Axio', 'Europe', 120, 220, 900, [30, 25, 6], [' size L', ' size XL']),
      p('velg mobil OEM Avanza ring 15 satu set', 'Toyota', 'OEM Avanza', 1500, 2500, 40000, [65, 65, 45]),
    ],
  },
  {
    slug: 'alat-musik', name: 'Alat Musik', nameEn: 'Musical Instruments', basePoints: 900, hue: 280, factors: [3, 3, 4, 3], allowPoor: false,
    notes: ['Suara masih jernih, tidak fals.', 'Senar baru diganti minggu lalu.', 'Bonus softcase dan capo.', 'Bisa dicoba dulu sebelum bayar.'],
    products: [
      p('gitar akustik Yamaha F310', 'Yamaha', 'F310', 800, 1200, 2500, [105, 40, 15]),
      p('gitar akustik Cort AD810', 'Cort', 'AD810', 800, 1100, 2500, [105, 40, 15]),
      p('gitar elektrik Squier Stratocaster Affinity', 'Squier', 'Affinity Stratocaster', 1800, 2800, 3500, [102, 35, 8]),
      p('gitar klasik Yamaha C315', 'Yamaha', 'C315', 900, 1300, 2000, [100, 38, 12]),
      p('keyboard Yamaha PSR-E373', 'Yamaha', 'PSR-E373', 1800, 2500, 4600, [95, 32, 12]),
      p('keyboard Casio CT-S300', 'Casio', 'CT-S300', 1300, 1800, 3500, [95, 26, 8]),
      p('ukulele Kala KA-15S', 'Kala', 'KA-15S', 500, 800, 600, [55, 20, 8]),
      p('biola Cremona SV-130 4/4', 'Cremona', 'SV-130', 900, 1400, 1500, [65, 25, 12]),
      p('cajon kayu mahoni buatan Bali', '', '', 250, 450, 4000, [30, 30, 48]),
      p('angklung satu oktaf', '', '', 350, 700, 3000, [60, 40, 20]),
      p('drum elektrik Roland TD-1K', 'Roland', 'TD-1K', 4000, 5500, 15000, [80, 60, 40]),
      p('saksofon alto Yamaha YAS-280', 'Yamaha', 'YAS-280', 9000, 13000, 4000, [70, 30, 20]),
      p('pianika Yamaha P-37D', 'Yamaha', 'P-37D', 350, 550, 1200, [50, 15, 8]),
      p('harmonika Hohner Special 20', 'Hohner', 'Special 20', 350, 550, 200, [12, 5, 3]),
    ],
  },
  {
    slug: 'mainan-bayi', name: 'Mainan & Bayi', nameEn: 'Toys & Baby', basePoints: 200, hue: 175, factors: [3, 2, 3, 4], allowPoor: false,
    notes: ['Anak sudah besar, jadi tidak terpakai lagi.', 'Sudah dicuci dan disterilkan, siap pakai.', 'Bebas asap rokok dan hewan peliharaan.', 'Kelengkapan masih ada semua, lihat foto.'],
    products: [
      p('stroller Cocolatte Pockit CL-898', 'Cocolatte', 'CL-898', 600, 1100, 6000, [55, 35, 25]),
      p('car seat Joie Trillo', 'Joie', 'Trillo', 800, 1400, 7000, [50, 45, 60]),
      p('Lego Creator 31120 Medieval Castle', 'Lego', '31120', 1300, 1900, 2000, [48, 38, 10]),
      p('Lego Classic 10698', 'Lego', '10698', 500, 800, 1900, [37, 28, 17]),
      p('box bayi kayu jati 2in1', '', '', 700, 1300, 25000, [120, 65, 90]),
      p('baby walker Pliko', 'Pliko', '', 250, 400, 4000, [70, 60, 55]),
      p('mobil aki anak 2 motor', '', '', 1200, 2200, 15000, [110, 60, 50]),
      p('bouncer bayi Joie', 'Joie', 'Bouncer', 500, 900, 4000, [70, 45, 20]),
      p('puzzle kayu Montessori', '', '', 80, 180, 1000, [30, 30, 5], [' set isi 5', ' set isi 8']),
      p('RC mobil WLToys 144001', 'WLToys', '144001', 600, 900, 1500, [40, 25, 20]),
      p('breast pump Medela Swing Maxi', 'Medela', 'Swing Maxi', 1800, 2800, 1500, [30, 20, 20]),
      p('gendongan bayi Ergobaby Omni 360', 'Ergobaby', 'Omni 360', 800, 1400, 1200, [40, 30, 10]),
    ],
  },
  {
    slug: 'kerajinan-tangan', name: 'Kerajinan Tangan', nameEn: 'Handicrafts', basePoints: 180, hue: 35, factors: [3, 4, 4, 3], allowPoor: false,
    notes: ['Buatan tangan pengrajin lokal, setiap motif unik.', 'Cocok untuk hiasan rumah atau oleh-oleh.', 'Warisan keluarga, dirawat dengan baik.', 'Bisa pesan motif lain, tanya dulu via chat.'],
    products: [
      p('kain batik tulis Lasem motif latohan', '', '', 500, 1200, 400, [30, 25, 3]),
      p('tas rotan bulat Bali', '', '', 120, 220, 500, [25, 25, 8]),
      p('wayang kulit Arjuna tatah sungging', '', '', 600, 1500, 700, [70, 30, 3]),
      p('kain tenun ikat Sumba', '', '', 900, 2500, 800, [40, 30, 4]),
      p('patung kayu Garuda ukir tangan', '', '', 400, 900, 3000, [25, 20, 45]),
      p('ulos Batak Ragi Hotang', '', '', 350, 900, 700, [40, 30, 4]),
      p('songket Palembang benang emas', '', '', 1200, 3000, 800, [40, 30, 4]),
      p('tikar anyaman pandan Tasikmalaya', '', '', 120, 250, 2000, [90, 20, 20]),
      p('topeng Malangan kayu', '', '', 150, 350, 600, [25, 18, 10]),
      p('vas gerabah Kasongan', '', '', 80, 200, 2500, [25, 25, 40]),
      p('noken Papua asli', '', '', 250, 600, 400, [35, 30, 5]),
      p('miniatur kapal pinisi kayu', '', '', 300, 700, 2000, [60, 20, 50]),
    ],
  },
  {
    slug: 'perkakas', name: 'Perkakas', nameEn: 'Tools', basePoints: 350, hue: 15, factors: [5, 2, 5, 2], allowPoor: true,
    notes: ['Tenaga masih kencang, karbon brush baru diganti.', 'Dipakai untuk renovasi rumah sendiri, sekarang sudah selesai.', 'Lengkap dengan kotak dan mata bor bawaan.', 'Garansi pribadi 3 hari, kalau tidak cocok boleh kembalikan.'],
    products: [
      p('bor listrik Bosch GSB 550', 'Bosch', 'GSB 550', 350, 550, 2000, [35, 30, 10]),
      p('gerinda tangan Makita 9553NB', 'Makita', '9553NB', 350, 550, 1800, [30, 10, 10]),
      p('mesin las Lakoni Falcon 120E', 'Lakoni', 'Falcon 120E', 800, 1300, 5000, [35, 15, 25]),
      p('kunci sok Tekiro 24 pcs', 'Tekiro', '24 pcs', 180, 320, 3000, [40, 25, 8]),
      p('chainsaw Stihl MS 180', 'Stihl', 'MS 180', 1800, 2800, 4500, [75, 25, 25]),
      p('kompresor angin Lakoni Imola 75', 'Lakoni', 'Imola 75', 900, 1400, 20000, [60, 30, 55]),
      p('obeng set Krisbow 32 pcs', 'Krisbow', '32 pcs', 100, 200, 800, [25, 15, 5]),
      p('bor baterai Makita DF333D', 'Makita', 'DF333D', 700, 1100, 1500, [30, 25, 10]),
      p('tangga lipat aluminium 2 meter', '', '', 350, 600, 8000, [200, 50, 10]),
      p('jet cleaner Lakoni Cleanz 70', 'Lakoni', 'Cleanz 70', 500, 800, 7000, [40, 30, 35]),
      p('mesin serut kayu Maktec MT191', 'Maktec', 'MT191', 400, 650, 2500, [30, 15, 15]),
      p('multitester Sanwa CD800a', 'Sanwa', 'CD800a', 300, 500, 400, [15, 8, 5]),
    ],
  },
  {
    slug: 'sepeda', name: 'Sepeda', nameEn: 'Bicycles', basePoints: 1000, hue: 150, factors: [5, 3, 4, 2], allowPoor: true,
    notes: ['Rem pakem, gir dan rantai halus, baru servis.', 'Rangka aman tidak ada retak, pernah ganti ban luar.', 'Surat dan nota pembelian lengkap.', 'Cocok buat bike to work atau gowes santai pagi.'],
    products: [
      p('sepeda lipat Polygon Urbano 3', 'Polygon', 'Urbano 3', 2500, 3500, 13000, [80, 40, 65]),
      p('sepeda lipat Element Ecosmo 8', 'Element', 'Ecosmo 8', 2000, 2800, 13000, [80, 40, 65]),
      p('sepeda lipat Brompton M6L', 'Brompton', 'M6L', 18000, 28000, 12000, [60, 30, 60]),
      p('sepeda gunung Polygon Xtrada 5', 'Polygon', 'Xtrada 5', 3500, 5000, 15000, [170, 25, 95], [' size M', ' size L']),
      p('sepeda MTB Thrill Ravage 3.0', 'Thrill', 'Ravage 3.0', 2500, 3500, 15000, [170, 25, 95]),
      p('sepeda roadbike Polygon Strattos S3', 'Polygon', 'Strattos S3', 7000, 10000, 10000, [170, 25, 90], [' size 50', ' size 52']),
      p('sepeda anak Wimcycle 16 inch', 'Wimcycle', '', 450, 750, 9000, [110, 20, 70]),
      p('sepeda BMX United', 'United', '', 900, 1400, 12000, [150, 25, 85]),
      p('sepeda listrik United T1800', 'United', 'T1800', 4000, 6000, 35000, [160, 60, 100]),
      p('sepeda fixie custom', '', '', 1000, 1800, 11000, [165, 25, 90], [' warna hitam doff', ' full Shimano']),
      p('sepeda onthel Gazelle jadul', 'Gazelle', '', 2500, 5000, 20000, [180, 55, 105]),
      p('helm sepeda Giant Rev', 'Giant', 'Rev', 250, 400, 300, [28, 20, 17]),
    ],
  },
];

const SERVICE_CATS: DemoCategory[] = [
  { slug: 'jasa-pemandu', name: 'Jasa & Pemandu', nameEn: 'Services & Guides', basePoints: 500 },
  { slug: 'les-kursus', name: 'Les & Kursus', nameEn: 'Lessons & Tutoring', basePoints: 400 },
];
const SERVICE_HUE: Record<string, number> = { 'jasa-pemandu': 165, 'les-kursus': 225 };

/* ----------------------------------------------------------- music store */

/** [name, brand, model, price (thousands), grams, dims] */
const STORE_ITEMS: [string, string, string, number, number, [number, number, number]][] = [
  ['gitar akustik Yamaha F310', 'Yamaha', 'F310', 1450, 2500, [105, 40, 15]],
  ['gitar akustik elektrik Yamaha APX600', 'Yamaha', 'APX600', 3250, 2500, [105, 40, 15]],
  ['gitar akustik Cort AD810 OP', 'Cort', 'AD810 OP', 1290, 2500, [105, 40, 15]],
  ['gitar klasik Yamaha C40', 'Yamaha', 'C40', 1150, 2000, [100, 38, 12]],
  ['gitar elektrik Squier Sonic Stratocaster', 'Squier', 'Sonic Stratocaster', 2950, 3500, [102, 35, 8]],
  ['gitar elektrik Fender Player Telecaster', 'Fender', 'Player Telecaster', 14900, 3800, [102, 35, 8]],
  ['gitar elektrik Ibanez GRX70QA', 'Ibanez', 'GRX70QA', 2750, 3500, [102, 35, 8]],
  ['gitar elektrik Ibanez RG421', 'Ibanez', 'RG421', 5650, 3500, [102, 35, 8]],
  ['bass elektrik Ibanez GSR200', 'Ibanez', 'GSR200', 3450, 4200, [118, 36, 8]],
  ['bass elektrik Squier Affinity Jazz Bass', 'Squier', 'Affinity Jazz Bass', 4250, 4500, [118, 36, 8]],
  ['bass elektrik Cort Action Bass Plus', 'Cort', 'Action Bass Plus', 2850, 4200, [118, 36, 8]],
  ['drum elektrik Roland TD-07KV', 'Roland', 'TD-07KV', 13900, 25000, [90, 60, 45]],
  ['drum set Pearl Roadshow RS525', 'Pearl', 'Roadshow RS525', 9450, 40000, [80, 60, 60]],
  ['simbal Zildjian ZBT Crash 16 inch', 'Zildjian', 'ZBT Crash 16', 1850, 1200, [45, 45, 5]],
  ['stik drum Zildjian 5A Wood Tip', 'Zildjian', '5A Wood Tip', 175, 150, [42, 5, 3]],
  ['ampli gitar Marshall MG15GFX', 'Marshall', 'MG15GFX', 2650, 7000, [40, 20, 38]],
  ['ampli gitar Roland Cube-10GX', 'Roland', 'Cube-10GX', 1950, 4000, [30, 18, 30]],
  ['ampli gitar Fender Frontman 20G', 'Fender', 'Frontman 20G', 1750, 5500, [35, 18, 35]],
  ['ampli bass Fender Rumble 25', 'Fender', 'Rumble 25', 2450, 8000, [40, 25, 40]],
  ['efek gitar Boss DS-1 Distortion', 'Boss', 'DS-1', 890, 400, [13, 8, 6]],
  ['multi efek Boss GT-1', 'Boss', 'GT-1', 3350, 1300, [32, 16, 7]],
  ['tuner pedal Boss TU-3', 'Boss', 'TU-3', 1490, 400, [13, 8, 6]],
  ["senar gitar akustik D'Addario EXP16", "D'Addario", 'EXP16', 135, 50, [12, 12, 1]],
  ['senar gitar elektrik Ernie Ball Regular Slinky 10-46', 'Ernie Ball', 'Regular Slinky', 95, 50, [12, 12, 1]],
  ['senar bass Ernie Ball Regular Slinky 50-105', 'Ernie Ball', 'Regular Slinky Bass', 325, 150, [15, 15, 2]],
];

/* ---------------------------------------------------------------- phrases */

const COND_TITLE: Record<Condition, string[]> = {
  NEW: ['baru segel', 'BNIB', 'baru belum dipakai', 'new ori'],
  LIKE_NEW: ['mulus', 'like new', 'mulus 99%', 'jarang pakai', 'mulus kinclong'],
  GOOD: ['normal', 'masih oke', 'terawat', 'kondisi bagus', 'normal jaya'],
  FAIR: ['ada lecet', 'minus pemakaian', 'apa adanya', 'pemakaian wajar'],
  POOR: ['minus', 'rusak ringan', 'butuh servis'],
};

const COND_DESC: Record<Condition, string[]> = {
  NEW: ['Barang baru, masih segel dan belum pernah dibuka.', 'Baru beli bulan lalu tapi ternyata tidak terpakai, masih lengkap dengan dus.', 'Kondisi baru 100%, dapat hadiah doorprize kantor.'],
  LIKE_NEW: ['Kondisi mulus seperti baru, pemakaian pribadi dan sangat jarang dipakai.', 'Mulus 99%, tidak ada lecet, semua fungsi normal.', 'Baru dipakai beberapa kali, selalu disimpan rapi.'],
  GOOD: ['Kondisi normal dan terawat, ada sedikit lecet pemakaian wajar.', 'Semua berfungsi dengan baik, fisik kira-kira 90%.', 'Pemakaian pribadi, tidak pernah jatuh atau diservis.'],
  FAIR: ['Ada lecet dan baret di beberapa bagian, tapi fungsi masih normal.', 'Kondisi pemakaian, fisik sekitar 75%, silakan cek langsung.', 'Ada minus kecil (lihat foto), selebihnya aman.'],
  POOR: ['Kondisi minus, perlu sedikit perbaikan, cocok buat yang bisa servis sendiri.', 'Dijual apa adanya karena ada kerusakan, detail tanya via chat.'],
};

const REASONS = [
  'Dijual karena sudah upgrade ke yang baru.',
  'Jarang dipakai, daripada nganggur di rumah.',
  'Lagi butuh dana, jadi dilepas.',
  'Pindahan rumah, jadi barang harus dikurangi.',
  'Dapat dobel dari kado, jadi satu dilepas.',
  'Sudah tidak sesuai kebutuhan lagi.',
  'Beres-beres gudang, masih layak pakai.',
];

const LOGISTICS = [
  'COD area {place}, {city} dan sekitarnya.',
  'Bisa COD di {place} atau kirim via JNE/SiCepat.',
  'Lokasi {city}, bisa ambil di tempat.',
  'Kirim luar kota bisa, ongkir ditanggung pembeli.',
];

const NEGO = ['Nego tipis ya.', 'Harga nett, no nego.', 'Nego sampai jadi, asal wajar.', 'Serius langsung chat saja, no PHP.', 'Harga masih bisa nego tipis.'];

const WANTS = [
  'sepeda lipat', 'keyboard Yamaha', 'HP Android', 'kamera mirrorless', 'gitar elektrik', 'raket badminton', 'rice cooker',
  'jam tangan', 'sepatu lari ukuran 42', 'speaker bluetooth', 'monitor 24 inch', 'helm full face', 'lensa fix 50mm', 'Lego',
  'tablet', 'novel bekas', 'alat pancing', 'kompor gas', 'PS4', 'Nintendo Switch', 'tas carrier', 'bor listrik', 'stroller bayi',
  'ukulele', 'kain batik', 'iPhone', 'laptop bekas', 'action cam', 'diecast', 'smartwatch',
];

const BARTER_WANT_LINES = [
  'Mau ditukar dengan {w}.',
  'Lagi cari {w}, kalau ada yang punya langsung chat.',
  'Prioritas tukar dengan {w}, yang lain boleh ditawarkan.',
];

const BARTER_TERMS = [
  'Kalau barangnya lebih bagus, saya bisa tambah uang sedikit.',
  'Murni barter, tidak terima tukar tambah uang.',
  'Bisa ketemuan dulu untuk cek kondisi barang masing-masing.',
];

const PHOTO_EXTRA_LABELS = ['Detail', 'Tampak samping', 'Kelengkapan', 'Foto asli', 'Tampak belakang'];
const SERVICE_PHOTO_LABELS = ['Portofolio', 'Testimoni', 'Jadwal fleksibel', 'Hubungi saya'];
const MOTIFS: Motif[] = ['box', 'circle', 'stripes', 'dots', 'wave'];

/* ---------------------------------------------------------------- service */

interface ServiceDef {
  cat: 'jasa-pemandu' | 'les-kursus';
  label: string;
  rate: [number, number];
  titles: string[];
  desc: string[];
}

/** Placeholders: {city}, {spot}, {place}, {years}. */
const SERVICES: ServiceDef[] = [
  {
    cat: 'jasa-pemandu', label: 'Pemandu Wisata', rate: [100_000, 250_000],
    titles: ['Jasa pemandu wisata {spot}, bisa bahasa Inggris', 'Pemandu wisata lokal {spot} dan sekitarnya', 'Guide {spot} half day / full day'],
    desc: ['Saya warga asli {city} dan sudah {years} tahun jadi pemandu wisata berlisensi.', 'Bisa bahasa Indonesia dan Inggris, cocok untuk tamu keluarga maupun turis asing.', 'Tarif per jam belum termasuk tiket masuk dan transport.', 'Jadwal fleksibel, sebaiknya booking H-2.'],
  },
  {
    cat: 'jasa-pemandu', label: 'Sopir Pemandu', rate: [120_000, 300_000],
    titles: ['Sopir sekaligus pemandu wisata {spot}', 'Driver guide keliling {city} dan {spot}'],
    desc: ['Mobil Avanza bersih dan wangi, muat 6 orang.', 'Sudah {years} tahun antar tamu keliling {city}.', 'Tarif per jam sudah termasuk bensin dalam kota.', 'Bisa jemput di bandara atau stasiun.'],
  },
  {
    cat: 'jasa-pemandu', label: 'Fotografer', rate: [150_000, 350_000],
    titles: ['Jasa fotografer prewedding di {city}', 'Fotografer wisuda dan acara keluarga area {city}', 'Jasa foto produk UMKM {city}'],
    desc: ['Pengalaman {years} tahun, portofolio bisa dilihat via chat.', 'Sudah termasuk editing ringan dan semua file dikirim via Google Drive.', 'Peralatan lengkap: kamera full frame, lighting, dan drone.', 'Bisa datang ke lokasi di sekitar {city}.'],
  },
  {
    cat: 'jasa-pemandu', label: 'Videografer', rate: [200_000, 350_000],
    titles: ['Jasa videografer acara di {city}', 'Videografer nikahan dan event {city}'],
    desc: ['Hasil video sinematik, editing selesai 7 hari kerja.', 'Pengalaman {years} tahun di acara nikahan, ulang tahun, dan kantor.', 'Bisa tambah drone dengan biaya terpisah.'],
  },
  {
    cat: 'jasa-pemandu', label: 'Teman Jalan', rate: [50_000, 120_000],
    titles: ['Teman jalan keliling {city}, tahu tempat kuliner enak', 'Teman jalan dan pemandu kuliner {city}', 'Teman jalan ke {spot} buat yang baru pertama kali'],
    desc: ['Cocok buat pendatang atau yang lagi dinas di {city} dan bingung mau ke mana.', 'Saya tahu banyak tempat makan lokal yang enak dan murah.', 'Ketemuan di tempat umum, misalnya {place}.', 'Tarif per jam, makan dan transport ditanggung masing-masing.'],
  },
  {
    cat: 'les-kursus', label: 'Les Gitar', rate: [75_000, 150_000],
    titles: ['Les gitar privat untuk pemula, area {city}', 'Les gitar akustik dan elektrik, bisa datang ke rumah'],
    desc: ['Materi dari chord dasar sampai fingerstyle, sesuai kemampuan murid.', 'Pengajar lulusan sekolah musik, pengalaman mengajar {years} tahun.', 'Bisa datang ke rumah di sekitar {city}.', 'Gitar bisa dipinjamkan saat les.'],
  },
  {
    cat: 'les-kursus', label: 'Les Piano', rate: [100_000, 200_000],
    titles: ['Les piano klasik anak dan dewasa di {city}', 'Les piano dan keyboard privat'],
    desc: ['Kurikulum ABRSM, bisa persiapan ujian grade.', 'Sudah mengajar {years} tahun, murid mulai usia 5 tahun.', 'Les di rumah murid atau di studio saya dekat {place}.'],
  },
  {
    cat: 'les-kursus', label: 'Les Inggris', rate: [75_000, 175_000],
    titles: ['Les bahasa Inggris conversation, area {city}', 'Les bahasa Inggris persiapan IELTS / TOEFL'],
    desc: ['Fokus ke speaking supaya lebih percaya diri.', 'Skor IELTS saya 7.5, pengalaman mengajar {years} tahun.', 'Bisa online via Zoom atau tatap muka di {city}.'],
  },
  {
    cat: 'les-kursus', label: 'Les Matematika', rate: [50_000, 120_000],
    titles: ['Les privat matematika SD-SMP, datang ke rumah', 'Les matematika dan IPA untuk SMP/SMA di {city}'],
    desc: ['Mahasiswa tingkat akhir jurusan pendidikan matematika.', 'Sabar menghadapi anak, metode belajar santai tapi paham.', 'Area {city} dan sekitarnya.'],
  },
  {
    cat: 'les-kursus', label: 'Les Renang', rate: [75_000, 150_000],
    titles: ['Les renang anak dan dewasa di {city}', 'Pelatih renang privat, bisa untuk yang takut air'],
    desc: ['Pelatih bersertifikat, pengalaman {years} tahun.', 'Tiket kolam ditanggung murid.', 'Jadwal pagi atau sore di akhir pekan.'],
  },
  {
    cat: 'les-kursus', label: 'Les Mandarin', rate: [100_000, 200_000],
    titles: ['Les bahasa Mandarin HSK 1-3 di {city}', 'Les Mandarin untuk anak dan pekerja'],
    desc: ['Materi dari pinyin dasar sampai persiapan ujian HSK.', 'Pernah kuliah {years} tahun di Tiongkok.', 'Bisa online atau datang ke rumah di {city}.'],
  },
  {
    cat: 'les-kursus', label: 'Les Jepang', rate: [100_000, 180_000],
    titles: ['Les bahasa Jepang JLPT N5-N4', 'Les bahasa Jepang untuk persiapan magang, area {city}'],
    desc: ['Pernah tinggal di Jepang dan sudah lulus JLPT N2.', 'Materi hiragana, katakana, sampai percakapan sehari-hari.', 'Kelas privat atau grup kecil maksimal 3 orang.'],
  },
  {
    cat: 'les-kursus', label: 'Les Drum', rate: [100_000, 175_000],
    titles: ['Les drum privat di studio {city}', 'Les drum untuk pemula dan anak-anak'],
    desc: ['Studio ber-AC dengan drum akustik dan elektrik.', 'Pengajar drummer band lokal, pengalaman mengajar {years} tahun.', 'Stik drum disediakan.'],
  },
  {
    cat: 'les-kursus', label: 'Personal Trainer', rate: [150_000, 300_000],
    titles: ['Personal trainer gym dan home workout {city}', 'Personal trainer untuk turun berat badan'],
    desc: ['Trainer bersertifikat dengan program latihan dan pola makan.', 'Bisa latihan di gym atau di rumah klien.', 'Sudah {years} tahun mendampingi klien.'],
  },
  {
    cat: 'les-kursus', label: 'Les Masak', rate: [100_000, 250_000],
    titles: ['Les masak masakan rumahan Nusantara', 'Kursus bikin kue dan roti rumahan di {city}'],
    desc: ['Resep praktis yang bisa langsung dipakai untuk jualan.', 'Bahan masakan bisa saya siapkan dengan biaya terpisah.', 'Pengalaman usaha katering {years} tahun.'],
  },
  {
    cat: 'les-kursus', label: 'Les Coding', rate: [150_000, 300_000],
    titles: ['Les coding Python untuk pelajar dan mahasiswa', 'Les pemrograman web dasar, online atau tatap muka'],
    desc: ['Belajar dari nol sampai bisa bikin proyek sendiri.', 'Pengajar software engineer dengan pengalaman {years} tahun.', 'Bawa laptop sendiri ya.'],
  },
  {
    cat: 'les-kursus', label: 'Les Vokal', rate: [100_000, 200_000],
    titles: ['Les vokal dan olah suara di {city}', 'Les vokal untuk persiapan lomba dan audisi'],
    desc: ['Teknik pernapasan, pitch control, dan penjiwaan lagu.', 'Pengalaman {years} tahun melatih paduan suara.', 'Les di studio dekat {place}.'],
  },
  {
    cat: 'les-kursus', label: 'Les Tari', rate: [75_000, 150_000],
    titles: ['Les tari tradisional untuk anak di {city}', 'Les tari daerah dan tari kreasi'],
    desc: ['Mengajar tari daerah untuk pentas sekolah dan lomba.', 'Sanggar sudah berdiri {years} tahun.', 'Kostum latihan tidak wajib.'],
  },
];

/* ------------------------------------------------------------------- PRNG */

/** Small deterministic PRNG (mulberry32). Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }
  weighted<T>(entries: readonly [T, number][]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }
}

/* ----------------------------------------------------------------- helpers */

/** Upper-cases the first letter unless the word is camel-cased ("iPhone"). */
function ucFirst(s: string): string {
  if (/^[a-z][A-Z]/.test(s)) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

/** Rounds rupiah like sellers do: to 5.000 from 100.000 up, else to 1.000. */
function roundRupiah(n: number): number {
  const step = n >= 100_000 ? 5_000 : 1_000;
  return Math.max(step, Math.round(n / step) * step);
}

const clamp15 = (n: number) => Math.min(5, Math.max(1, n));

/** Photo label of at most 3 words. */
function productLabel(prod: { name: string; brand?: string; model?: string }): string {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const base = prod.brand && prod.model ? `${prod.brand} ${prod.model}` : ucFirst(prod.name);
  return words(base).slice(0, 3).join(' ');
}

const COND_WEIGHTS: [Condition, number][] = [['NEW', 10], ['LIKE_NEW', 25], ['GOOD', 40], ['FAIR', 18], ['POOR', 7]];
const PRICE_FACTOR: Record<Condition, number> = { NEW: 1.25, LIKE_NEW: 1.1, GOOD: 1, FAIR: 0.8, POOR: 0.55 };

/** Fills `count` slots by cycling through `items` in a shuffled order (even spread). */
function spread<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const out: T[] = [];
  while (out.length < count) out.push(...rng.shuffle([...items]));
  return rng.shuffle(out.slice(0, count));
}

/* ------------------------------------------------------------------- build */

/**
 * Builds the complete demo data set. Pure and deterministic for a given seed.
 * Shape: 18 categories, 1 admin + 1 staff + 32 members, 240 listings
 * (108 SALE incl. 25 from the music store, 96 BARTER, 36 SERVICE).
 */
export function buildDemoData(seed = 20261121): DemoData {
  const rng = new Rng(seed);

  const categories: DemoCategory[] = [
    ...GOODS.map(({ slug, name, nameEn, basePoints }) => ({ slug, name, nameEn, basePoints })),
    ...SERVICE_CATS.map((c) => ({ ...c })),
  ];

  // Users, with unique +62812 phone numbers.
  const phones = new Set<string>();
  const phone = () => {
    let ph: string;
    do ph = `+62812${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    while (phones.has(ph));
    phones.add(ph);
    return ph;
  };
  const members: DemoUser[] = [...MEMBERS, MUSIC_STORE].map(([local, displayName, cityCode]) => ({
    email: `${local}@pasar.test`,
    displayName,
    phone: '',
    cityCode,
    role: 'MEMBER' as const,
  }));
  const users: DemoUser[] = [{ ...ADMIN }, { ...STAFF }, ...members].map((u) => ({ ...u, phone: phone() }));
  const store = users.find((u) => u.email === DEMO_MUSIC_STORE_EMAIL)!;
  const sellers = users.filter((u) => u.role === 'MEMBER' && u !== store);

  const titles = new Set<string>();
  /** Tries `make` until it yields an unused title (bounded; accepts a duplicate at the end). */
  const uniqueTitle = (make: () => string): string => {
    let t = make();
    for (let i = 0; i < 40 && titles.has(t); i++) t = make();
    titles.add(t);
    return t;
  };
  const photos = (first: string, hue: number, extras = PHOTO_EXTRA_LABELS): DemoPhotoSpec[] => {
    const n = rng.int(1, 3);
    const extra = rng.shuffle([...extras]);
    return Array.from({ length: n }, (_, i) => ({
      label: i === 0 ? first : extra[i - 1],
      hue: (hue + rng.int(-15, 15) + 360) % 360,
      motif: rng.pick(MOTIFS),
    }));
  };
  const listingCity = (seller: DemoUser) => (rng.chance(0.85) ? seller.cityCode : rng.pick(DEMO_CITY_CODES));
  const condition = (cat: CategoryDef): Condition => {
    const c = rng.weighted(COND_WEIGHTS);
    return c === 'POOR' && !cat.allowPoor ? 'FAIR' : c;
  };
  const vars = (cityCode: string) => {
    const c = cityByCode.get(cityCode)!;
    return { city: c.name, place: c.place };
  };

  const listings: DemoListing[] = [];

  // 1. Music store: 25 new SALE listings with brand and model.
  for (const [name, brand, model, priceK, grams, [l, w, h]] of STORE_ITEMS) {
    const title = uniqueTitle(() =>
      fill(rng.pick(['{N} original garansi resmi', '{N} - Toko Musik Harmoni', '{N} baru, bisa kirim ke seluruh Indonesia', 'Ready stok {n} ORI']), {
        N: ucFirst(name),
        n: name,
      }),
    );
    const description = [
      `Barang baru 100% original, garansi resmi ${rng.pick(['1 tahun', '6 bulan', '2 tahun'])}.`,
      rng.pick(['Stok ready di toko kami daerah Naripan, Bandung.', 'Bisa dicoba langsung di toko sebelum beli.']),
      rng.pick(['Pengiriman ke seluruh Indonesia, packing kayu + bubble wrap.', 'Bisa COD di toko atau kirim pakai kurir instan area Bandung.']),
      ...(rng.chance(0.5) ? ['Tanyakan stok dulu sebelum checkout ya.'] : []),
    ].join(' ');
    listings.push({
      sellerEmail: store.email,
      kind: 'SALE',
      categorySlug: 'alat-musik',
      title,
      description,
      condition: 'NEW',
      cityCode: store.cityCode,
      sale: { price: priceK * 1000, stock: rng.int(1, 10), weightGrams: grams, lengthCm: l, widthCm: w, heightCm: h, brand, model },
      photos: photos(productLabel({ name, brand, model }), 280),
      ageDays: rng.int(0, 60),
    });
  }

  // 2. Member SALE and BARTER listings, spread evenly over goods categories and sellers.
  const SALE_COUNT = 108 - STORE_ITEMS.length;
  const BARTER_COUNT = 96;
  const SERVICE_COUNT = DEMO_LISTING_COUNT - 108 - BARTER_COUNT;
  const goodsKinds: ('SALE' | 'BARTER')[] = rng.shuffle([
    ...Array<'SALE'>(SALE_COUNT).fill('SALE'),
    ...Array<'BARTER'>(BARTER_COUNT).fill('BARTER'),
  ]);
  const goodsCats = spread(rng, GOODS, goodsKinds.length);
  const goodsSellers = spread(rng, sellers, goodsKinds.length);

  goodsKinds.forEach((kind, i) => {
    const cat = goodsCats[i];
    const seller = goodsSellers[i];
    const cityCode = listingCity(seller);
    const v = vars(cityCode);
    const cond = condition(cat);
    let prod: Product = cat.products[0];
    let want = '';

    const title = uniqueTitle(() => {
      prod = rng.pick(cat.products);
      want = rng.pick(WANTS);
      const x = prod.extras ? rng.pick(prod.extras) : '';
      const d = rng.pick(COND_TITLE[cond]);
      const t = { n: prod.name + x, N: ucFirst(prod.name) + x, d, w: want, city: v.city };
      const patterns =
        kind === 'SALE'
          ? ['{N} {d}', 'Jual {n} {d}', 'Jual cepat {n}', 'Dijual {n}, {d}', '{N} {d}, COD {city}', 'BU {n} {d}']
          : ['Tukar {n} dengan {w}', 'Barter {n} sama {w}', '{N} barter {w}', 'Barter {n} {d}, cari {w}', 'Tukar {n} {d} ke {w}'];
      return fill(rng.pick(patterns), t);
    });

    const condLine = rng.pick(COND_DESC[cond]);
    const middle = rng.chance(0.5) ? rng.pick(cat.notes) : rng.pick(REASONS);
    const sentences =
      kind === 'SALE'
        ? [condLine, middle, ...(rng.chance(0.7) ? [fill(rng.pick(LOGISTICS), v)] : []), ...(rng.chance(0.6) ? [rng.pick(NEGO)] : [])]
        : [
            condLine,
            fill(rng.pick(BARTER_WANT_LINES), { w: want }),
            ...(rng.chance(0.6) ? [rng.pick(BARTER_TERMS)] : []),
            ...(rng.chance(0.6) ? [`Ketemuan di ${v.place}, ${v.city}.`] : []),
          ];

    const listing: DemoListing = {
      sellerEmail: seller.email,
      kind,
      categorySlug: cat.slug,
      title,
      description: sentences.slice(0, 4).join(' '),
      condition: cond,
      cityCode,
      photos: photos(productLabel(prod), cat.hue),
      ageDays: rng.int(0, 60),
    };
    if (kind === 'SALE') {
      const jitter = () => 0.92 + rng.float() * 0.16;
      const base = prod.min + rng.float() * (prod.max - prod.min);
      listing.sale = {
        price: roundRupiah(base * PRICE_FACTOR[cond]),
        stock: prod.min < 300_000 && rng.chance(0.3) ? rng.int(2, 4) : 1,
        weightGrams: Math.max(1, Math.round(prod.grams * jitter())),
        lengthCm: prod.dims[0],
        widthCm: prod.dims[1],
        heightCm: prod.dims[2],
        ...(prod.brand ? { brand: prod.brand } : {}),
        ...(prod.model ? { model: prod.model } : {}),
      };
    } else {
      const f = cat.factors.map((x) => clamp15(x + (rng.chance(0.4) ? rng.pick([-1, 1]) : 0)));
      listing.barter = { utility: f[0], scarcity: f[1], durability: f[2], portability: f[3] };
    }
    listings.push(listing);
  });

  // 3. SERVICE listings: guides, companions, teachers in the seller's own city.
  const serviceDefs = spread(rng, SERVICES, SERVICE_COUNT);
  const serviceSellers = spread(rng, sellers, SERVICE_COUNT);
  serviceDefs.forEach((def, i) => {
    const seller = serviceSellers[i];
    const city = cityByCode.get(seller.cityCode)!;
    let spot = rng.pick(city.spots);
    const title = uniqueTitle(() => {
      spot = rng.pick(city.spots);
      return fill(rng.pick(def.titles), { city: city.name, spot });
    });
    const v = { city: city.name, place: city.place, spot, years: String(rng.int(2, 12)) };
    const n = rng.int(2, Math.min(4, def.desc.length));
    const description = def.desc
      .slice(0, n)
      .map((s) => fill(s, v))
      .join(' ');
    const [lo, hi] = def.rate;
    listings.push({
      sellerEmail: seller.email,
      kind: 'SERVICE',
      categorySlug: def.cat,
      title,
      description,
      condition: 'NEW',
      cityCode: seller.cityCode,
      service: { hourlyRate: roundRupiah(lo + rng.float() * (hi - lo)) },
      photos: photos(def.label, SERVICE_HUE[def.cat], SERVICE_PHOTO_LABELS),
      ageDays: rng.int(0, 60),
    });
  });

  // Interleave kinds so "newest first" pages look like a real feed.
  return { categories, users, listings: rng.shuffle(listings) };
}
