import type { Locale } from './index';

export interface TermsSection {
  id: string;
  title: string;
  paragraphs: string[];
  items?: string[];
}

/** Must match the API's TERMS_VERSION (api config default), which records each acceptance. */
export const TERMS_VERSION = '2026-11-01';
export const TERMS_EFFECTIVE = '2026-11-01';

const id: TermsSection[] = [
  {
    id: 'umum',
    title: '1. Ketentuan umum',
    paragraphs: [
      'Pasar adalah platform yang mempertemukan penjual, pembeli, pihak yang ingin bertukar barang (barter), dan penyedia jasa di Indonesia. Dengan membuat akun, Anda menyetujui syarat layanan dan kebijakan privasi ini.',
      'Transaksi di Pasar adalah transaksi elektronik. Sesuai Pasal 18 ayat (1) Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana diubah dengan Undang-Undang Nomor 19 Tahun 2016 (UU ITE), transaksi yang dituangkan dalam kontrak elektronik mengikat para pihak.',
    ],
  },
  {
    id: 'akun',
    title: '2. Akun',
    paragraphs: ['Anda wajib memberikan data yang benar, menjaga kerahasiaan kata sandi, dan bertanggung jawab atas semua kegiatan di akun Anda. Satu akun dipakai untuk membeli dan menjual.'],
  },
  {
    id: 'penjual',
    title: '3. Aturan penjual',
    paragraphs: [
      'Sesuai Pasal 9 UU ITE serta Pasal 7 Undang-Undang Nomor 8 Tahun 1999 tentang Perlindungan Konsumen (UUPK), penjual wajib beritikad baik dan memberikan informasi yang lengkap, benar, jelas, dan jujur tentang barang atau jasa yang ditawarkan. Karena itu penjual wajib:',
    ],
    items: [
      'menulis deskripsi yang jujur, termasuk cacat atau kekurangan barang;',
      'memakai foto asli dari barang yang ditawarkan;',
      'mengirim barang tepat waktu dan memasukkan kurir serta nomor resi;',
      'tidak menawarkan barang yang dilarang oleh peraturan perundang-undangan (misalnya narkotika, senjata, satwa dilindungi, barang curian, atau barang palsu).',
    ],
  },
  {
    id: 'pembeli',
    title: '4. Aturan pembeli',
    paragraphs: [
      'Pembeli berhak atas informasi yang benar, jelas, dan jujur mengenai kondisi barang (Pasal 4 huruf c UUPK) dan wajib beritikad baik dalam bertransaksi (Pasal 5 UUPK). Pembeli wajib:',
    ],
    items: ['mengirim barang tambahan yang sudah disepakati dalam barter;', 'mengonfirmasi penerimaan barang setelah barang diterima dan diperiksa;', 'membuka sengketa melalui Pasar bila barang tidak sesuai, sebelum transaksi selesai.'],
  },
  {
    id: 'barter',
    title: '5. Barter',
    paragraphs: [
      'Barter di Pasar adalah tukar-menukar menurut Pasal 1541 Kitab Undang-Undang Hukum Perdata (KUH Perdata): suatu persetujuan di mana kedua belah pihak mengikatkan diri untuk saling memberikan suatu barang secara timbal balik sebagai ganti barang lain.',
      'Poin barter hanya alat bantu untuk menilai keseimbangan tawaran; poin bukan uang, tidak dapat dicairkan, dan tidak ada uang yang berpindah dalam barter.',
    ],
  },
  {
    id: 'sanksi',
    title: '6. Sanksi',
    paragraphs: ['Pelanggaran aturan ditangani bertahap oleh admin, dengan alasan yang dicatat:'],
    items: [
      'peringatan;',
      'penangguhan sampai waktu tertentu (akun hanya dapat membaca, tidak dapat bertransaksi atau mengobrol);',
      'pemblokiran permanen (akun tidak dapat masuk).',
    ],
  },
  {
    id: 'privasi',
    title: '7. Kebijakan privasi',
    paragraphs: [
      'Kami menyimpan data yang Anda berikan (email, nama tampilan, nomor telepon bila diisi, kota) dan data transaksi untuk menjalankan layanan, mencegah penipuan, dan menyelesaikan sengketa. Kata sandi disimpan dalam bentuk hash; pesan obrolan disimpan terenkripsi.',
      'Kami tidak menjual data pribadi Anda. Data hanya dibagikan kepada pihak transaksi sejauh diperlukan (misalnya alamat pengiriman) atau bila diwajibkan hukum.',
      'Anda dapat mengekspor semua data Anda dan menghapus akun. Setelah penghapusan, data pribadi dihapus, sedangkan catatan transaksi yang menjadi bukti tetap disimpan tanpa data pribadi tersebut.',
    ],
  },
  {
    id: 'perubahan',
    title: '8. Perubahan',
    paragraphs: ['Syarat ini dapat diperbarui. Versi baru diumumkan di aplikasi, dan persetujuan Anda dicatat beserta waktu dan versinya.'],
  },
];

const en: TermsSection[] = [
  {
    id: 'umum',
    title: '1. General',
    paragraphs: [
      'Pasar is a platform that brings together sellers, buyers, people who want to swap items (barter) and service providers in Indonesia. By creating an account you accept these terms of service and this privacy policy.',
      'Trades on Pasar are electronic transactions. Under Article 18(1) of Law No. 11 of 2008 on Electronic Information and Transactions as amended by Law No. 19 of 2016 (UU ITE), a transaction set out in an electronic contract binds the parties.',
    ],
  },
  {
    id: 'akun',
    title: '2. Your account',
    paragraphs: ['You must give true information, keep your password secret and answer for everything done with your account. One account is used to buy and to sell.'],
  },
  {
    id: 'penjual',
    title: '3. Seller rules',
    paragraphs: [
      'Under Article 9 of UU ITE and Article 7 of Law No. 8 of 1999 on Consumer Protection (UUPK), a seller must act in good faith and give complete, true, clear and honest information about what is offered. A seller must therefore:',
    ],
    items: [
      'describe the item honestly, including its defects;',
      'use real photos of the item offered;',
      'ship on time and enter the courier and the tracking number;',
      'not offer goods that the law forbids (for example narcotics, weapons, protected animals, stolen or counterfeit goods).',
    ],
  },
  {
    id: 'pembeli',
    title: '4. Buyer rules',
    paragraphs: [
      'A buyer has the right to true, clear and honest information about the condition of goods (Article 4(c) UUPK) and must trade in good faith (Article 5 UUPK). A buyer must:',
    ],
    items: ['send the top-up items agreed in a barter;', 'confirm receipt once the item has arrived and been checked;', 'open a dispute through Pasar, before the trade completes, when an item is not as described.'],
  },
  {
    id: 'barter',
    title: '5. Barter',
    paragraphs: [
      'A barter on Pasar is an exchange under Article 1541 of the Indonesian Civil Code (KUH Perdata): an agreement in which both parties bind themselves to give each other one item in return for another.',
      'Barter points only help to judge whether an offer is balanced; points are not money, cannot be cashed out, and no money changes hands in a barter.',
    ],
  },
  {
    id: 'sanksi',
    title: '6. Sanctions',
    paragraphs: ['Admins handle breaches step by step, recording the reason:'],
    items: ['a warning;', 'a suspension until a given time (the account can read but not trade or chat);', 'a permanent ban (the account cannot log in).'],
  },
  {
    id: 'privasi',
    title: '7. Privacy policy',
    paragraphs: [
      'We keep the data you give us (email, display name, phone number if given, city) and your trade records to run the service, prevent fraud and settle disputes. Passwords are stored hashed; chat messages are stored encrypted.',
      'We do not sell your personal data. It is shared only with the other party of a trade as far as needed (for example a shipping address) or when the law requires it.',
      'You can export all your data and delete your account. After deletion your personal data is erased, while trade records that serve as evidence are kept without it.',
    ],
  },
  {
    id: 'perubahan',
    title: '8. Changes',
    paragraphs: ['These terms may be updated. A new version is announced in the app, and your acceptance is recorded with its time and version.'],
  },
];

export const TERMS: Record<Locale, TermsSection[]> = { id, en };
