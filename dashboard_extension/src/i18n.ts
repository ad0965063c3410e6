// Texts of the extension in English and Turkish; the dashboard's locale picks one.
const en = {
  loading: "Loading…",
  retry: "Try again",
  error: "Something went wrong: {message}",
  noPermission: "No permission",
  noPermissionText:
    "Your account or this app lacks the MANAGE_ORDERS permission. Ask an administrator to grant it.",
  waitingForDashboard: "Waiting for the Saleor dashboard…",
  pageTitle: "Post-purchase",
  tabReturns: "Returns",
  tabDelays: "Delay call list",
  tabBroadcast: "Crisis broadcast",
  tabCarriers: "Carrier health",
  status: "Status",
  reason: "Reason",
  all: "All",
  overdueOnly: "Only overdue",
  noReturns: "No returns match these filters.",
  previous: "Previous",
  next: "Next",
  page: "Page {page}",
  overdue: "Overdue",
  order: "Order #{number}",
  requestedAt: "Requested {date}",
  approve: "Approve",
  reject: "Reject",
  rejectReason: "Reason for rejection (sent to the customer)",
  markReceived: "Mark received",
  inspect: "Save inspection",
  refund: "Refund",
  storeCredit: "Give store credit",
  refundState: "Refund: {amount}",
  refunded: "Refunded {amount}",
  credited: "Store credit issued {amount}",
  nextAction: "Next: {action}",
  actionDecide: "approve or reject",
  actionWaitParcel: "wait for the parcel",
  actionReceive: "mark received",
  actionInspect: "inspect each line",
  actionRefund: "refund or credit",
  actionNone: "nothing",
  outcome: "Outcome of {product}",
  customerComment: "Customer: “{comment}”",
  noDelays: "No late orders to call.",
  daysLate: "{days} days late",
  choice: "Customer's choice: {choice}",
  noChoice: "No choice yet",
  callOutcome: "Call outcome",
  callNote: "Note",
  logCall: "Log call",
  calls: "Calls",
  carrierCodes: "Carrier codes (comma separated)",
  city: "City",
  shippedFrom: "Shipped from",
  shippedTo: "Shipped to",
  previewCount: "Preview recipients",
  recipients: "{count} customers would receive it",
  message: "Message",
  prepare: "Prepare broadcast",
  confirmSend: "Send to {count} customers?",
  send: "Yes, send",
  cancel: "Cancel",
  sent: "Sent: {queued} messages queued.",
  noCarriers: "No carrier is polled yet.",
  paused: "Paused until {date}",
  healthy: "Healthy",
  failures: "{count} failures in a row",
  lastError: "Last error: {error}",
  lastSuccess: "Last answer: {date}",
  parcels: "Parcels",
  noParcels: "No parcel shipped yet.",
  estimate: "Estimated delivery: {date}",
  trackingProblem: "Tracking problem: {message}",
  timeline: "Timeline",
  delay: "Delay",
  returns: "Returns",
  noOrderReturns: "No returns for this order.",
  messages: "Messages sent",
  noMessages: "No messages yet.",
  noOrder: "Open this from an order page.",
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Record<MessageKey, string>;

const tr: Catalogue = {
  loading: "Yükleniyor…",
  retry: "Tekrar dene",
  error: "Bir sorun oluştu: {message}",
  noPermission: "Yetkiniz yok",
  noPermissionText:
    "Hesabınızın veya bu uygulamanın MANAGE_ORDERS yetkisi yok. Bir yöneticiden bu yetkiyi isteyin.",
  waitingForDashboard: "Saleor paneli bekleniyor…",
  pageTitle: "Satış sonrası",
  tabReturns: "İadeler",
  tabDelays: "Gecikme arama listesi",
  tabBroadcast: "Kriz duyurusu",
  tabCarriers: "Kargo durumu",
  status: "Durum",
  reason: "Neden",
  all: "Tümü",
  overdueOnly: "Yalnızca gecikenler",
  noReturns: "Bu filtrelere uyan iade yok.",
  previous: "Önceki",
  next: "Sonraki",
  page: "Sayfa {page}",
  overdue: "Gecikmiş",
  order: "Sipariş #{number}",
  requestedAt: "Talep: {date}",
  approve: "Onayla",
  reject: "Reddet",
  rejectReason: "Ret nedeni (müşteriye gönderilir)",
  markReceived: "Teslim alındı",
  inspect: "İncelemeyi kaydet",
  refund: "Para iadesi yap",
  storeCredit: "Mağaza kredisi ver",
  refundState: "İade: {amount}",
  refunded: "İade edildi: {amount}",
  credited: "Mağaza kredisi verildi: {amount}",
  nextAction: "Sıradaki: {action}",
  actionDecide: "onayla veya reddet",
  actionWaitParcel: "paketi bekle",
  actionReceive: "teslim alındı olarak işaretle",
  actionInspect: "her kalemi incele",
  actionRefund: "para iadesi veya kredi",
  actionNone: "yok",
  outcome: "{product} inceleme sonucu",
  customerComment: "Müşteri: “{comment}”",
  noDelays: "Aranacak geciken sipariş yok.",
  daysLate: "{days} gün gecikmeli",
  choice: "Müşterinin seçimi: {choice}",
  noChoice: "Henüz seçim yok",
  callOutcome: "Arama sonucu",
  callNote: "Not",
  logCall: "Aramayı kaydet",
  calls: "Aramalar",
  carrierCodes: "Kargo kodları (virgülle)",
  city: "Şehir",
  shippedFrom: "Gönderim başlangıcı",
  shippedTo: "Gönderim bitişi",
  previewCount: "Alıcıları önizle",
  recipients: "{count} müşteri alacak",
  message: "Mesaj",
  prepare: "Duyuruyu hazırla",
  confirmSend: "{count} müşteriye gönderilsin mi?",
  send: "Evet, gönder",
  cancel: "Vazgeç",
  sent: "Gönderildi: {queued} mesaj kuyrukta.",
  noCarriers: "Henüz sorgulanan kargo yok.",
  paused: "{date} tarihine kadar duraklatıldı",
  healthy: "Sağlıklı",
  failures: "Art arda {count} hata",
  lastError: "Son hata: {error}",
  lastSuccess: "Son yanıt: {date}",
  parcels: "Paketler",
  noParcels: "Henüz kargolanan paket yok.",
  estimate: "Tahmini teslim: {date}",
  trackingProblem: "Takip sorunu: {message}",
  timeline: "Hareketler",
  delay: "Gecikme",
  returns: "İadeler",
  noOrderReturns: "Bu siparişin iadesi yok.",
  messages: "Gönderilen mesajlar",
  noMessages: "Henüz mesaj yok.",
  noOrder: "Bunu bir sipariş sayfasından açın.",
};

export type Language = "en" | "tr";

const catalogues: Record<Language, Catalogue> = { en, tr };

/** Turkish for any Turkish locale of the dashboard (`tr`, `tr-TR`), English otherwise. */
export function languageOf(locale: string | undefined | null): Language {
  return locale && locale.toLowerCase().split(/[-_]/)[0] === "tr" ? "tr" : "en";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** Dates and money in the dashboard's language. */
export function formatDate(language: Language, value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  const hasTime = value.includes("T");
  return new Intl.DateTimeFormat(language === "tr" ? "tr-TR" : "en-GB", {
    dateStyle: "medium",
    ...(hasTime ? { timeStyle: "short" } : { timeZone: "UTC" }),
  }).format(date);
}

export function formatMoney(
  language: Language,
  amount: string | number | null | undefined,
  currency: string,
): string {
  if (amount === null || amount === undefined) return "—";
  return new Intl.NumberFormat(language === "tr" ? "tr-TR" : "en-GB", {
    style: "currency",
    currency,
  }).format(Number(amount));
}
