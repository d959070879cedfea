/**
 * The words of the sample: places, package names per agency profile (some with commas and double quotes on
 * purpose), swakelola names and the suppliers' names.
 */
import type { Rng } from './prng';

/** Which name book an agency draws its package names from. */
export type Profile =
  | 'pendidikan'
  | 'kesehatan'
  | 'rumahSakit'
  | 'puskesmas'
  | 'pu'
  | 'perumahan'
  | 'trantib'
  | 'bencana'
  | 'sosial'
  | 'lingkungan'
  | 'kependudukan'
  | 'perhubungan'
  | 'kominfo'
  | 'koperasi'
  | 'pertanian'
  | 'perdagangan'
  | 'sekretariat'
  | 'dprd'
  | 'perencanaan'
  | 'keuangan'
  | 'kecamatan';

const PLACES = [
  'Sukamaju',
  'Mekarsari',
  'Sumberjaya',
  'Tanjungsari',
  'Karanganyar',
  'Sidomulyo',
  'Margamulya',
  'Pasirlaja',
  'Bojongsari',
  'Wanasari',
  'Sukadamai',
  'Cibening',
] as const;

/** Names by jenis; `{place}` and `{n}` are filled in. Some contain commas and double quotes on purpose. */
interface NameBook {
  barang: readonly string[];
  konstruksi: readonly string[];
  konsultansi: readonly string[];
  jasaLainnya: readonly string[];
}

export const GENERAL_NAMES: NameBook = {
  barang: [
    'Belanja Alat Tulis Kantor',
    'Belanja Alat Tulis Kantor, Kertas dan Cover',
    'Belanja Bahan Cetak dan Penggandaan',
    'Belanja Makanan dan Minuman Rapat',
    'Belanja Bahan Bakar Minyak untuk Kendaraan Dinas Operasional',
    'Belanja Suku Cadang Kendaraan Dinas Operasional',
    'Belanja Bahan Pembersih, Alat Kebersihan dan Perlengkapan Rumah Tangga',
    'Belanja Pakaian Dinas Harian dan Atribut',
    'Pengadaan Meja dan Kursi Kerja Pegawai',
    'Pengadaan Komputer PC dan Printer',
    'Pengadaan Laptop "Core i5" untuk Operator',
    'Pengadaan Air Conditioner (AC) Split 1 PK',
    'Belanja Bahan Listrik dan Lampu',
    'Pengadaan Sound System, Proyektor dan Layar',
  ],
  konstruksi: [
    'Rehabilitasi Ringan Gedung Kantor',
    'Pemeliharaan Gedung Kantor',
    'Pembangunan Pagar dan Gerbang Kantor',
    'Rehabilitasi Toilet dan Saluran Air Kantor',
    'Pembangunan Area Parkir Kantor',
  ],
  konsultansi: [
    'Jasa Konsultansi Perencanaan Rehabilitasi Gedung Kantor',
    'Jasa Konsultansi Pengawasan Rehabilitasi Gedung Kantor',
    'Penyusunan Dokumen Rencana Strategis',
    'Jasa Konsultansi Penyusunan Standar Operasional Prosedur',
  ],
  jasaLainnya: [
    'Jasa Pemeliharaan Kendaraan Dinas Operasional',
    'Jasa Kebersihan Kantor (Cleaning Service)',
    'Jasa Keamanan Kantor',
    'Belanja Sewa Tenda, Kursi dan Sound System Kegiatan',
    'Jasa Pemeliharaan Peralatan dan Mesin Kantor',
    'Belanja Jasa Publikasi, Dokumentasi dan Dekorasi',
    'Jasa Penyelenggaraan Acara "Hari Jadi Kabupaten Contoh Makmur"',
    'Belanja Jasa Langganan Internet Kantor',
    'Belanja Jasa Pengiriman Surat dan Dokumen',
  ],
};

export const EMPTY_BOOK: NameBook = { barang: [], konstruksi: [], konsultansi: [], jasaLainnya: [] };

export const PROFILE_NAMES: Partial<Record<Profile, Partial<NameBook>>> = {
  pendidikan: {
    barang: [
      'Pengadaan Buku Teks Pelajaran Sekolah Dasar',
      'Pengadaan Meubelair Sekolah Dasar',
      'Pengadaan Alat Peraga Pendidikan SD dan SMP',
      'Pengadaan Chromebook untuk SMP Negeri',
      'Pengadaan Seragam Sekolah Gratis, Sepatu dan Tas',
    ],
    konstruksi: [
      'Rehabilitasi Ruang Kelas SD Negeri {n} {place}',
      'Pembangunan Ruang Kelas Baru SMP Negeri {n} {place}',
      'Pembangunan Toilet Sekolah SD Negeri {n} {place}',
      'Rehabilitasi Perpustakaan SMP Negeri {n} {place}',
    ],
    konsultansi: ['Jasa Konsultansi Pengawasan Rehabilitasi Sekolah Dasar Wilayah {place}'],
    jasaLainnya: ['Penyelenggaraan Lomba "Olimpiade Sains Kabupaten"', 'Jasa Cetak Ijazah dan Rapor'],
  },
  kesehatan: {
    barang: [
      'Pengadaan Obat-obatan Program',
      'Pengadaan Bahan Medis Habis Pakai (BMHP)',
      'Pengadaan Alat Kesehatan Puskesmas',
      'Pengadaan Reagen dan Bahan Laboratorium',
      'Pengadaan Vaksin, Alat Suntik dan Safety Box',
      'Pengadaan Ambulans Desa',
    ],
    konstruksi: ['Rehabilitasi Gedung Puskesmas Pembantu {place}', 'Pembangunan Posyandu {place}'],
    konsultansi: ['Jasa Konsultansi Perencanaan Gedung Puskesmas {place}'],
    jasaLainnya: ['Jasa Pengelolaan Limbah Medis B3', 'Jasa Kalibrasi Alat Kesehatan'],
  },
  rumahSakit: {
    barang: [
      'Pengadaan Obat-obatan RSUD',
      'Pengadaan Bahan Medis Habis Pakai RSUD',
      'Pengadaan Alat Kesehatan "CT Scan 128 Slice"',
      'Pengadaan Bahan Makanan Pasien',
      'Pengadaan Linen, Kasur dan Bantal Pasien',
      'Pengadaan Gas Medis (Oksigen)',
      'Pengadaan Reagen Laboratorium Patologi Klinik',
    ],
    konstruksi: ['Pembangunan Gedung Rawat Inap Kelas III', 'Rehabilitasi Ruang Instalasi Gawat Darurat'],
    konsultansi: ['Jasa Konsultansi Manajemen Konstruksi Gedung Rawat Inap'],
    jasaLainnya: [
      'Jasa Laundry Linen Rumah Sakit',
      'Jasa Pemeliharaan Alat Kesehatan',
      'Jasa Cleaning Service RSUD',
    ],
  },
  puskesmas: {
    barang: [
      'Pengadaan Obat dan BMHP Puskesmas',
      'Pengadaan Makanan Tambahan Balita dan Ibu Hamil',
      'Pengadaan Alat Kesehatan, Dental Unit dan Sterilisator',
    ],
    konstruksi: ['Rehabilitasi Ruang Pelayanan Puskesmas'],
    jasaLainnya: ['Jasa Pengangkutan Limbah Medis Puskesmas'],
  },
  pu: {
    barang: ['Pengadaan Aspal dan Material Pemeliharaan Rutin Jalan', 'Pengadaan Alat Berat Excavator Mini'],
    konstruksi: [
      'Peningkatan Jalan Ruas {place} - {place2}',
      'Pembangunan Jembatan {place}',
      'Rehabilitasi Jaringan Irigasi D.I. {place}',
      'Pemeliharaan Berkala Jalan Ruas {place} - {place2}',
      'Pembangunan Drainase Lingkungan {place}',
      'Pembangunan Talud, Bronjong dan Saluran {place}',
    ],
    konsultansi: [
      'Jasa Konsultansi Pengawasan Peningkatan Jalan Ruas {place} - {place2}',
      'Jasa Konsultansi Perencanaan Jembatan {place}',
      'Penyusunan Rencana Detail Tata Ruang (RDTR) Kawasan {place}',
    ],
    jasaLainnya: ['Jasa Sewa Alat Berat Pemeliharaan Jalan'],
  },
  perumahan: {
    konstruksi: [
      'Pembangunan Penerangan Jalan Lingkungan {place}',
      'Peningkatan Kualitas Rumah Tidak Layak Huni {place}',
      'Pembangunan Sistem Penyediaan Air Minum (SPAM) {place}',
      'Penataan Kawasan Permukiman Kumuh {place}',
    ],
    konsultansi: ['Jasa Konsultansi Perencanaan Kawasan Permukiman {place}'],
  },
  trantib: {
    barang: ['Pengadaan Pakaian Dinas Lapangan Satpol PP', 'Pengadaan Alat Pemadam Api Ringan (APAR)'],
    jasaLainnya: ['Jasa Pemeliharaan Mobil Patroli'],
  },
  bencana: {
    barang: [
      'Pengadaan Logistik Bencana, Selimut dan Matras',
      'Pengadaan Perahu Karet dan Mesin Tempel',
      'Pengadaan Tenda Pengungsi',
      'Pengadaan Peralatan Evakuasi "Rescue Kit"',
    ],
    konstruksi: ['Pembangunan Tanggul Darurat Sungai {place}'],
  },
  sosial: {
    barang: [
      'Pengadaan Paket Sembako untuk Bantuan Sosial',
      'Pengadaan Kursi Roda, Tongkat dan Alat Bantu Disabilitas',
      'Pengadaan Perlengkapan Panti Sosial',
    ],
  },
  lingkungan: {
    barang: [
      'Pengadaan Truk Sampah (Dump Truck)',
      'Pengadaan Tempat Sampah Terpilah',
      'Pengadaan Kontainer Sampah (Arm Roll)',
      'Pengadaan Bibit Pohon Penghijauan',
    ],
    konstruksi: ['Pembangunan TPS3R {place}', 'Pembangunan Sel Baru TPA {place}'],
    konsultansi: ['Penyusunan Kajian Lingkungan Hidup Strategis (KLHS)', 'Jasa Uji Kualitas Air dan Udara'],
  },
  kependudukan: {
    barang: ['Pengadaan Blangko KTP-el', 'Pengadaan Ribbon, Film dan Cleaning Kit Printer KTP-el'],
    jasaLainnya: ['Jasa Pemeliharaan Perangkat Perekaman KTP-el'],
  },
  perhubungan: {
    barang: ['Pengadaan Rambu Lalu Lintas', 'Pengadaan Traffic Light Simpang {place}'],
    konstruksi: [
      'Pemasangan Penerangan Jalan Umum (PJU) Ruas {place} - {place2}',
      'Pembangunan Terminal Tipe C {place}',
      'Pembangunan Halte dan Marka Jalan {place}',
    ],
    konsultansi: ['Jasa Konsultansi Analisis Dampak Lalu Lintas Kawasan {place}'],
  },
  kominfo: {
    barang: [
      'Pengadaan Server dan Storage Data Center',
      'Pengadaan Perangkat Jaringan, Router dan Switch',
      'Pengadaan Lisensi Perangkat Lunak Perkantoran',
    ],
    konsultansi: [
      'Pengembangan Aplikasi "Satu Data Contoh Makmur"',
      'Jasa Konsultansi Audit Keamanan Informasi',
    ],
    jasaLainnya: [
      'Belanja Jasa Langganan Bandwidth Internet Pemerintah Daerah',
      'Jasa Sewa Colocation Server',
    ],
  },
  koperasi: {
    barang: [
      'Pengadaan Gerobak dan Etalase untuk UMKM',
      'Pengadaan Peralatan Produksi Kelompok Usaha Mikro',
      'Pengadaan Kemasan Produk UMKM',
    ],
    jasaLainnya: [
      'Penyelenggaraan Pameran Produk UMKM "Contoh Makmur Expo"',
      'Pelatihan Kewirausahaan, Pemasaran dan Digitalisasi UMKM',
    ],
  },
  pertanian: {
    barang: [
      'Pengadaan Benih Padi Unggul',
      'Pengadaan Pupuk Organik',
      'Pengadaan Hand Tractor dan Pompa Air',
      'Pengadaan Bibit Ternak Sapi',
      'Pengadaan Obat Hewan dan Vaksin Rabies',
    ],
    konstruksi: ['Pembangunan Jalan Usaha Tani {place}', 'Rehabilitasi Jaringan Irigasi Tersier {place}'],
  },
  perdagangan: {
    barang: ['Pengadaan Alat Ukur, Timbangan dan Takaran Tera', 'Pengadaan Peralatan Pasar'],
    konstruksi: ['Revitalisasi Pasar Rakyat {place}', 'Rehabilitasi Los Pasar {place}'],
    jasaLainnya: ['Jasa Kebersihan Pasar {place}'],
  },
  sekretariat: {
    barang: [
      'Belanja Makanan dan Minuman Tamu Pimpinan Daerah',
      'Pengadaan Kendaraan Dinas Pejabat',
      'Belanja Pakaian Dinas Kepala Daerah, Wakil dan Sekretaris Daerah',
      'Belanja Cenderamata dan Plakat',
    ],
    konsultansi: ['Jasa Konsultansi Penyusunan Naskah Akademik Rancangan Peraturan Daerah'],
    jasaLainnya: [
      'Jasa Pemeliharaan Rumah Jabatan Bupati',
      'Jasa Penyelenggaraan Upacara Hari Besar Nasional',
    ],
  },
  dprd: {
    barang: ['Belanja Makanan dan Minuman Rapat Paripurna', 'Pengadaan Pakaian Sipil Resmi Anggota DPRD'],
    konsultansi: ['Jasa Tenaga Ahli Alat Kelengkapan DPRD'],
    jasaLainnya: ['Jasa Publikasi Kegiatan DPRD di Media Massa', 'Jasa Sewa Kendaraan Reses Anggota DPRD'],
  },
  perencanaan: {
    konsultansi: [
      'Penyusunan Rencana Pembangunan Jangka Menengah Daerah (RPJMD)',
      'Jasa Konsultansi Evaluasi Kinerja Pembangunan Daerah',
      'Penyusunan Kajian "Indeks Pembangunan Manusia" Kabupaten',
    ],
  },
  keuangan: {
    barang: ['Pengadaan Perangkat Komputer Pengelolaan Keuangan Daerah'],
    konsultansi: [
      'Jasa Penilai Publik Aset Tanah dan Bangunan',
      'Jasa Konsultansi Penyusunan Laporan Keuangan',
    ],
    jasaLainnya: ['Jasa Pengamanan Aset Daerah, Pemasangan Patok dan Papan Nama'],
  },
  kecamatan: {
    barang: ['Belanja Perlengkapan Pelayanan Administrasi Terpadu Kecamatan'],
    konstruksi: ['Rehabilitasi Kantor Kecamatan', 'Pembangunan Pos Ronda dan Gapura Kelurahan {place}'],
    jasaLainnya: [
      'Penyelenggaraan Musrenbang Kecamatan',
      'Jasa Penyelenggaraan Lomba "Desa Bersih dan Sehat"',
    ],
  },
};

export const SWAKELOLA_NAMES = [
  'Penyusunan Rencana Kerja Perangkat Daerah',
  'Pelaksanaan Monitoring dan Evaluasi Program',
  'Sosialisasi Peraturan Daerah kepada Masyarakat',
  'Bimbingan Teknis Peningkatan Kapasitas Aparatur',
  'Rapat Koordinasi Lintas Sektor',
  'Pembinaan dan Pengawasan Kegiatan Lapangan',
  'Penyusunan Laporan Kinerja Instansi Pemerintah',
  'Pendataan dan Verifikasi Sasaran Program',
  'Fasilitasi Kegiatan Kelompok Masyarakat {place}',
  'Pemberdayaan Masyarakat Kelurahan {place}',
  'Penyusunan Profil Perangkat Daerah, Data dan Statistik Sektoral',
  'Pelatihan Keterampilan Kerja Masyarakat',
] as const;

/** The suppliers (penyedia) and merchants of the transaction exports. */
export const PENYEDIA_NAMES = [
  'CV Maju Bersama', 'CV Karya Mandiri', 'PT Sinar Abadi Konstruksi', 'CV Berkah Jaya', 'UD Sumber Rejeki',
  'PT Mitra Medika Nusantara', 'CV Cahaya Komputer', 'Koperasi Serba Usaha Makmur', 'CV Tunas Harapan',
  'PT Graha Teknik Utama', 'UD Tani Subur', 'CV Prima Solusi', 'PT Nusantara Printing', 'CV Anugerah Sejahtera',
]; // prettier-ignore

/** A name template with `{place}`, `{place2}` (another place) and `{n}` (a number) filled in. */
export function fillTemplate(rng: Rng, template: string): string {
  const place = rng.pick(PLACES);
  const place2 = rng.pick(PLACES.filter((p) => p !== place));
  return template
    .replace('{place}', place)
    .replace('{place2}', place2)
    .replace('{n}', String(rng.int(1, 24)));
}
