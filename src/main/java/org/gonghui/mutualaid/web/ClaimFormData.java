package org.gonghui.mutualaid.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gonghui.mutualaid.ClaimForm;
import org.gonghui.mutualaid.Money;
import org.springframework.format.annotation.DateTimeFormat;

/** The claim form as posted by the portal page (and by staff at a window). */
class ClaimFormData {

    private String project;
    private String hospital;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate eventDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String diagnosis;
    private String disease;
    private BigDecimal totalCost;
    private BigDecimal insurancePaid;
    private BigDecimal selfPaid;
    private String invoiceNo;

    ClaimForm toForm() {
        return new ClaimForm(project, hospital, eventDate, endDate == null ? eventDate : endDate, diagnosis,
                disease == null || disease.isBlank() ? null : disease, money(totalCost), money(insurancePaid),
                money(selfPaid), invoiceNo);
    }

    private static Money money(BigDecimal value) {
        return value == null ? null : new Money(value);
    }

    public String getProject() { return project; }
    public void setProject(String project) { this.project = project; }
    public String getHospital() { return hospital; }
    public void setHospital(String hospital) { this.hospital = hospital; }
    public LocalDate getEventDate() { return eventDate; }
    public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getDiagnosis() { return diagnosis; }
    public void setDiagnosis(String diagnosis) { this.diagnosis = diagnosis; }
    public String getDisease() { return disease; }
    public void setDisease(String disease) { this.disease = disease; }
    public BigDecimal getTotalCost() { return totalCost; }
    public void setTotalCost(BigDecimal totalCost) { this.totalCost = totalCost; }
    public BigDecimal getInsurancePaid() { return insurancePaid; }
    public void setInsurancePaid(BigDecimal insurancePaid) { this.insurancePaid = insurancePaid; }
    public BigDecimal getSelfPaid() { return selfPaid; }
    public void setSelfPaid(BigDecimal selfPaid) { this.selfPaid = selfPaid; }
    public String getInvoiceNo() { return invoiceNo; }
    public void setInvoiceNo(String invoiceNo) { this.invoiceNo = invoiceNo; }
}
