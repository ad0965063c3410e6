// Names of the API's enum values (statuses, reasons, outcomes…) in English and Turkish.
// A value the API adds later, before this table knows it, still shows as readable words.
import type { Language } from "./i18n";

type Names = Record<string, [en: string, tr: string]>;

const LABELS = {
  returnStatus: {
    REQUESTED: ["Requested", "Talep edildi"],
    APPROVED: ["Approved", "Onaylandı"],
    REJECTED: ["Rejected", "Reddedildi"],
    CANCELLED: ["Cancelled", "İptal edildi"],
    SHIPPED_BACK: ["Shipped back", "Geri gönderildi"],
    RECEIVED: ["Received", "Teslim alındı"],
    INSPECTED: ["Inspected", "İncelendi"],
    REFUND_REQUESTED: ["Refund requested", "İade istendi"],
    REFUNDED: ["Refunded", "Para iadesi yapıldı"],
    CREDITED: ["Store credit given", "Mağaza kredisi verildi"],
    CLOSED: ["Closed", "Kapatıldı"],
  },
  returnReason: {
    SIZE: ["Wrong size", "Beden uymadı"],
    DAMAGED: ["Damaged", "Hasarlı"],
    DEFECTIVE: ["Defective", "Kusurlu"],
    WRONG_ITEM: ["Wrong item", "Yanlış ürün"],
    NOT_AS_DESCRIBED: ["Not as described", "Açıklamaya uymuyor"],
    CHANGED_MIND: ["Changed mind", "Vazgeçti"],
    OTHER: ["Other", "Diğer"],
  },
  resolution: {
    REFUND: ["Refund", "Para iadesi"],
    STORE_CREDIT: ["Store credit", "Mağaza kredisi"],
  },
  outcome: {
    RESELLABLE: ["Resellable", "Satılabilir"],
    DEFECTIVE: ["Defective", "Kusurlu"],
    DAMAGED: ["Damaged", "Hasarlı"],
    MISSING: ["Missing", "Eksik"],
  },
  refundStatus: {
    PENDING: ["Pending: Saleor is being asked", "Bekliyor: Saleor'a soruluyor"],
    REQUESTED: ["Refund requested, not yet confirmed", "İade istendi, henüz onaylanmadı"],
    SUCCEEDED: ["Succeeded", "Başarılı"],
    FAILED: ["Failed", "Başarısız"],
    UNKNOWN: ["Unknown: check the payment", "Belirsiz: ödemeyi kontrol edin"],
    NOTHING_TO_REFUND: ["Nothing to refund", "İade edilecek tutar yok"],
  },
  shipmentStatus: {
    PENDING: ["Pending", "Bekliyor"],
    INFO_RECEIVED: ["Label created", "Bilgi alındı"],
    IN_TRANSIT: ["In transit", "Yolda"],
    OUT_FOR_DELIVERY: ["Out for delivery", "Dağıtımda"],
    AVAILABLE_FOR_PICKUP: ["Ready for pickup", "Teslim noktasında"],
    DELIVERED: ["Delivered", "Teslim edildi"],
    FAILED_ATTEMPT: ["Delivery attempt failed", "Teslim denemesi başarısız"],
    EXCEPTION: ["Problem", "Sorun"],
    DELAYED: ["Delayed", "Gecikmede"],
    RETURNING_TO_SENDER: ["Returning to sender", "Göndericiye dönüyor"],
    RETURNED: ["Returned to sender", "Göndericiye döndü"],
    EXPIRED: ["No longer tracked", "Takip süresi doldu"],
    CANCELLED: ["Cancelled", "İptal edildi"],
    UNKNOWN: ["Unknown", "Bilinmiyor"],
  },
  delayCause: {
    NOT_SHIPPED: ["Not shipped in time", "Zamanında kargolanmadı"],
    OUT_OF_STOCK: ["Out of stock", "Stokta yok"],
    CARRIER_DELAY: ["Carrier reports a delay", "Kargo gecikme bildirdi"],
    CARRIER_EXCEPTION: ["Carrier problem", "Kargo sorunu"],
    NO_SCAN: ["No carrier scan", "Kargo hareketi yok"],
    ESTIMATE_PASSED: ["Estimated date passed", "Tahmini tarih geçti"],
  },
  delayChoice: {
    CANCEL: ["Cancel and refund", "İptal ve iade"],
    WAIT: ["Wait for the new date", "Yeni tarihi bekle"],
    CHASE: ["Chase the carrier", "Kargoyu takip edin"],
  },
  callOutcome: {
    REACHED: ["Reached", "Ulaşıldı"],
    NO_ANSWER: ["No answer", "Cevap yok"],
    VOICEMAIL: ["Voicemail", "Sesli mesaj"],
    WRONG_NUMBER: ["Wrong number", "Yanlış numara"],
    CALL_BACK: ["Call back", "Geri aranacak"],
  },
  messageStatus: {
    QUEUED: ["Queued", "Kuyrukta"],
    SENDING: ["Sending", "Gönderiliyor"],
    SENT: ["Sent", "Gönderildi"],
    FAILED: ["Failed", "Başarısız"],
    CANCELLED: ["Cancelled", "İptal edildi"],
  },
  channel: {
    EMAIL: ["Email", "E-posta"],
    SMS: ["SMS", "SMS"],
    WHATSAPP: ["WhatsApp", "WhatsApp"],
    WEBHOOK: ["CRM webhook", "CRM webhook"],
  },
  complaintStatus: {
    OPEN: ["Open", "Açık"],
    ANSWERED: ["Answered", "Yanıtlandı"],
    RESOLVED: ["Resolved", "Çözüldü"],
    REOPENED: ["Reopened", "Yeniden açıldı"],
  },
  topic: {
    DELIVERY_SPEED: ["Delivery speed", "Teslimat hızı"],
    PACKAGING: ["Packaging", "Paketleme"],
    PRODUCT: ["Product", "Ürün"],
    CUSTOMER_SERVICE: ["Customer service", "Müşteri hizmetleri"],
    OTHER: ["Other", "Diğer"],
  },
  severity: {
    OK: ["Works", "Çalışıyor"],
    INFO: ["Note", "Bilgi"],
    WARNING: ["Warning", "Uyarı"],
    PROBLEM: ["Problem", "Sorun"],
  },
  surveyState: {
    OPEN: ["open, not answered", "açık, yanıtlanmadı"],
    ANSWERED: ["answered", "yanıtlandı"],
    CLOSED: ["closed", "kapandı"],
    NOT_AVAILABLE: ["not available yet", "henüz yok"],
  },
  notReturnable: {
    ORDER_CANCELLED: ["order cancelled", "sipariş iptal edildi"],
    NOT_FULFILLED: ["not shipped yet", "henüz kargolanmadı"],
    WINDOW_CLOSED: ["return window closed", "iade süresi doldu"],
    NON_RETURNABLE_PRODUCT: ["not returnable", "iade edilemez ürün"],
    ALREADY_REQUESTED: ["already returned or requested", "zaten iade edildi veya istendi"],
  },
  figure: {
    RETURN_RATE: ["Return rate", "İade oranı"],
    RETURN_DURATION_MEDIAN_DAYS: ["Return duration, median (days)", "İade süresi, medyan (gün)"],
    RETURN_DURATION_P90_DAYS: ["Return duration, 90th percentile (days)", "İade süresi, %90 (gün)"],
    RETURN_SUCCESS_RATE: ["Return success rate", "İade başarı oranı"],
    CSAT: ["CSAT (share of 4 and 5)", "Memnuniyet (4 ve 5 oranı)"],
    RESPONSE_RATE: ["Survey response rate", "Anket yanıt oranı"],
    FEEDBACK_COUNT: ["Feedback count", "Geri bildirim sayısı"],
    COMPLAINT_FIRST_RESPONSE_MEDIAN_HOURS: [
      "Complaint first response, median (hours)",
      "Şikâyete ilk yanıt, medyan (saat)",
    ],
    COMPLAINT_RESPONSE_WITHIN_SLA: ["Complaints answered in time", "Zamanında yanıtlanan şikâyetler"],
    REPEAT_PURCHASE_RATE: ["Repeat purchase rate (90 days)", "Tekrar satın alma oranı (90 gün)"],
    ON_TIME_DELIVERY_RATE: ["On-time delivery rate", "Zamanında teslim oranı"],
    DELAY_RATE: ["Delay rate", "Gecikme oranı"],
  },
  messageType: {
    SHIPPED: ["Shipped", "Kargoya verildi"],
    OUT_FOR_DELIVERY: ["Out for delivery", "Dağıtımda"],
    AVAILABLE_FOR_PICKUP: ["Ready for pickup", "Teslim noktasında"],
    DELIVERED: ["Delivered", "Teslim edildi"],
    FAILED_ATTEMPT: ["Delivery attempt failed", "Teslim denemesi başarısız"],
    DELIVERY_EXCEPTION: ["Delivery problem", "Teslimat sorunu"],
    RETURN_REQUESTED: ["Return requested", "İade talebi alındı"],
    RETURN_APPROVED: ["Return approved", "İade onaylandı"],
    RETURN_REJECTED: ["Return rejected", "İade reddedildi"],
    RETURN_RECEIVED: ["Return received", "İade teslim alındı"],
    RETURN_INSPECTED: ["Return inspected", "İade incelendi"],
    RETURN_REFUNDED: ["Refunded", "Para iadesi yapıldı"],
    RETURN_CREDITED: ["Store credit given", "Mağaza kredisi verildi"],
    DELAY_DETECTED: ["Delay apology", "Gecikme bildirimi"],
    DELAY_UPDATE: ["Delay update", "Gecikme güncellemesi"],
    DELAY_BROADCAST: ["Crisis broadcast", "Kriz duyurusu"],
    SURVEY_REQUEST: ["Survey request", "Anket daveti"],
    SURVEY_THANKS: ["Survey thanks", "Anket teşekkürü"],
    COMPLAINT_REPLY: ["Complaint answer", "Şikâyet yanıtı"],
  },
} satisfies Record<string, Names>;

export type LabelKind = keyof typeof LABELS;

/** `SHIPPED_BACK` → `Shipped back`: a code as words, for values no table knows yet. */
export function words(code: string): string {
  const text = code.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name of an enum value in the dashboard's language (any case: `in_transit`, `IN_TRANSIT`). */
export function label(language: Language, kind: LabelKind, code: string | null | undefined): string {
  if (!code) return "—";
  const names = (LABELS[kind] as Names)[code.toUpperCase()];
  if (!names) return words(code);
  return language === "tr" ? names[1] : names[0];
}

/** The known values of a kind, e.g. for a filter menu. */
export function codes(kind: LabelKind): string[] {
  return Object.keys(LABELS[kind]);
}
